/**
 * Anchors, products and campaigns on one TikTok item.
 *
 * Anchors (`anchors[]`) are the links shown under a video's caption: TikTok Shop products, but also CapCut
 * templates, effects, games, mini-apps and places. No capture we hold verifies what an anchor `type` number
 * means, and `keyword` is only the label text ("Shop", a product title, "CapCut · Try this template"), so
 * neither decides alone. An anchor is a **product anchor** when its own link opens a TikTok Shop product: a
 * `/view/product/<id>` or `/pdp/<slug>/<id>` URL, a `shop.tiktok.com` page, or a `product_id` in its link or
 * `extraInfo` / `logExtra`. Every other anchor is kept as 'mini-app' (its link opens a mini-app or game) or
 * 'other', and proves nothing.
 */
import type { AnchorFacts, Fact, ProductFacts } from '../../model/item';
import { arr, isObj, isTrue, num, str, val, type Obj } from './read';

/** Links to a TikTok Shop product; the capture group is the product id. */
const PRODUCT_LINKS: readonly RegExp[] = [
  /tiktok\.com\/(?:shop\/)?view\/product\/(\d{6,25})/i,
  /tiktok\.com\/(?:shop|[a-z]{2})\/pdp\/[^/?#]+\/(\d{6,25})/i,
  /shop\.tiktok\.com\/[^?#]*?(\d{6,25})/i,
  /[?&"]product_?id["=:]+\s*"?(\d{6,25})/i,
];
const MINI_APP_LINK = /microapp|microgame|minigame|mini_app/i;
/** Fields of an anchor that may hold its link (strings; `extraInfo` and `logExtra` may be JSON text). */
const LINK_FIELDS = ['schema', 'url', 'link', 'openUrl', 'extra', 'logExtra'] as const;

function linkText(a: Obj): string {
  const parts = LINK_FIELDS.map((f) => str(a, f) ?? '');
  const extraInfo = val(a, 'extraInfo');
  if (isObj(extraInfo)) parts.push(safeJson(extraInfo));
  return parts.join(' ').slice(0, 20_000);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 10_000) ?? '';
  } catch {
    return '';
  }
}

function productIdIn(text: string): string | undefined {
  for (const re of PRODUCT_LINKS) {
    const m = re.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

/** Anchors with their kind, and the products the product anchors open. */
export function extractAnchors(item: unknown): { anchors: AnchorFacts[]; products: ProductFacts[] } {
  const anchors: AnchorFacts[] = [];
  const products: ProductFacts[] = [];
  arr(item, 'anchors').forEach((a, i) => {
    if (!isObj(a)) return;
    const field = `anchors[${i}]`;
    const text = linkText(a);
    const productId = productIdIn(text);
    const kind = productId ? 'product' : MINI_APP_LINK.test(text) ? 'mini-app' : 'other';
    const anchor: AnchorFacts = { type: num(a, 'type') ?? str(a, 'type') ?? 'unknown', kind, field };
    const title = str(a, 'keyword') || str(a, 'description');
    if (title) anchor.title = title.slice(0, 120);
    anchors.push(anchor);
    if (productId && !products.some((p) => p.id === productId)) {
      const product: ProductFacts = { id: productId, field };
      if (anchor.title) product.title = anchor.title;
      const url = LINK_FIELDS.map((f) => str(a, f)).find((u) => u && /^https?:\/\//.test(u) && productIdIn(u));
      if (url) product.url = url;
      products.push(product);
    }
  });
  return { anchors, products };
}

/** Commerce hashtags: `textExtra[].isCommerce` and `challenges[].isCommerce`, one per hashtag name. */
export function extractCampaigns(item: unknown): Fact<string>[] {
  const out: Fact<string>[] = [];
  const add = (field: string, name: string | undefined) => {
    const value = name || 'commerce hashtag';
    if (!out.some((c) => c.value === value)) out.push({ field, value });
  };
  arr(item, 'textExtra').forEach((t, i) => {
    if (isTrue(t, 'isCommerce')) add(`textExtra[${i}].isCommerce`, str(t, 'hashtagName'));
  });
  arr(item, 'challenges').forEach((c, i) => {
    if (isTrue(c, 'isCommerce')) add(`challenges[${i}].isCommerce`, str(c, 'title'));
  });
  return out;
}
