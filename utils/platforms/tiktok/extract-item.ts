/**
 * One TikTok item (an `itemStruct`: video, photo post, or a LIVE item in the feed) into the neutral FeedItem.
 * Signals and what they mean here (docs/TAGS.md, "TikTok"):
 *  - `isAd: true` is the ad marker. `adAuthorization` and `adLabelVersion` travel with ads *and* creators' paid
 *    partnerships (PLATFORMS.md), so they are never markers: a partnership is not an ad;
 *  - `anchors[]` → product anchors (see extract-commerce.ts); `textExtra[]` / `challenges[]` `isCommerce` → campaigns;
 *  - `liveRoomInfo` → a LIVE item; `author.roomId` alone only says the author is live somewhere else;
 *  - `music.is_commerce_music` marks music cleared for commercial use: licensing, not commerce; not read.
 */
import { emptyItem, type FeedItem, type ItemSource } from '../../model/item';
import { extractAuthor } from './extract-author';
import { extractAnchors, extractCampaigns } from './extract-commerce';
import { liveFacts } from './extract-live';
import { idOf, isObj, isTrue, num, obj, short, str, val, type Obj } from './read';

export const DESC_MAX_CHARS = 120;

export interface ItemContext {
  source: ItemSource;
  endpoint?: string;
}

/** Whether an object is shaped like an itemStruct: an id and something only an item has. */
export function looksLikeItem(o: unknown): o is Obj {
  return isObj(o) && idOf(o, 'id') !== undefined && (isObj(val(o, 'author')) || isObj(val(o, 'video')) || isObj(val(o, 'liveRoomInfo')));
}

export function itemStructToItem(raw: unknown, ctx: ItemContext): FeedItem | undefined {
  if (!looksLikeItem(raw)) return undefined;
  const room = obj(raw, 'liveRoomInfo');
  const id = idOf(raw, 'id')!;
  const item = emptyItem('tiktok', id, ctx.source);
  if (ctx.endpoint) item.endpoint = ctx.endpoint;
  const desc = short(str(raw, 'desc'), DESC_MAX_CHARS);
  if (desc) item.desc = desc;
  const created = num(raw, 'createTime');
  if (created !== undefined) item.createTime = created;
  item.author = extractAuthor(raw);
  if (isTrue(raw, 'isAd')) item.ad.markers.push({ field: 'isAd', value: true });
  const { anchors, products } = extractAnchors(raw);
  item.anchors = anchors;
  item.products = products;
  item.campaigns = extractCampaigns(raw);
  if (room) item.live = liveFacts(room, 'liveRoomInfo', !!item.author.seller);
  item.format = room ? 'live' : isObj(val(raw, 'imagePost')) ? 'image' : isObj(val(raw, 'video')) ? 'video' : 'other';
  return item;
}
