/** Author facts from an item's `author` (API) or `authorInfo` (page state). */
import type { AuthorFacts } from '../../model/item';
import { arr, flag, idOf, isObj, num, objField, read, str, val } from './read';

export function extractAuthor(item: unknown): AuthorFacts {
  const r = read(item, 'author') ?? read(item, 'author_info');
  if (!r || !isObj(r.value)) return {};
  const a = r.value;
  const p = r.key; // `author` or `authorInfo`: evidence shows where it was read
  const out: AuthorFacts = {};
  const uid = idOf(a, 'uid');
  if (uid) out.uid = uid;
  const secUid = str(a, 'sec_uid');
  if (secUid) out.secUid = secUid;
  const nickname = str(a, 'nickname');
  if (nickname) out.nickname = nickname;
  const followers = num(a, 'follower_count');
  if (followers !== undefined) out.followerCount = { field: `${p}.follower_count`, value: followers };
  const verify = str(a, 'enterprise_verify_reason');
  if (verify) out.businessVerify = { field: `${p}.enterprise_verify_reason`, value: verify };
  const cert = objField(a, 'account_cert_info');
  if (cert && flag(cert.value, 'is_biz_account')) out.bizAccount = { field: `${p}.${cert.key}.is_biz_account`, value: true };
  const window = shopWindow(a, p);
  if (window) out.shopWindow = window;
  if (flag(a, 'with_fusion_shop_entry')) out.seller = { field: `${p}.with_fusion_shop_entry`, value: true };
  if (flag(a, 'is_ad_fake')) out.adFake = { field: `${p}.is_ad_fake`, value: true };
  const liveStatus = num(a, 'live_status');
  if (liveStatus === 1 && idOf(a, 'room_id')) out.liveNow = { field: `${p}.live_status`, value: true };
  return out;
}

/** A shop window (橱窗) on the profile: a card entry "进入橱窗" / `store_type: window`, or `with_commerce_entry`. */
function shopWindow(a: Record<string, unknown>, p: string): AuthorFacts['shopWindow'] {
  const entries = arr(a, 'card_entries');
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const title = str(e, 'title') ?? '';
    const data = val(e, 'card_data');
    const dataText = typeof data === 'string' ? data : isObj(data) ? safeJson(data) : '';
    if (title.includes('橱窗') || /"store_type"\s*:\s*"window"/.test(dataText)) {
      return { field: `${p}.card_entries[${i}]`, value: true };
    }
  }
  if (flag(a, 'with_commerce_entry')) return { field: `${p}.with_commerce_entry`, value: true };
  return undefined;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v).slice(0, 10_000);
  } catch {
    return '';
  }
}
