/** Products, anchors, places and campaigns on one item (PLATFORMS.md, "Product / shop", "POI", "Anchors"). */
import type { AnchorFacts, AnchorKind, Fact, PoiFacts, ProductFacts } from '../../model/item';
import { arr, flag, idOf, isObj, meaningful, num, objField, read, str, UNSAFE_KEYS, val, type Obj } from './read';

/** Anchor types whose meaning is verified on real captures; any other type is 'other' unless its URL says product. */
const ANCHOR_TYPE_KIND: ReadonlyMap<number, AnchorKind> = new Map([
  [2, 'poi'], // poi_id inside extra (douyin-web-aweme-2023-poi*.json, general search 2023)
  [4, 'mini-app'], // sslocal://microapp (general search 2023, 7210020798315121972)
  [10004, 'search-keyword'], // 看更多… search link (general search 2023, 7231830087513951547)
]);
/** An anchor URL that opens a Douyin shop product is a product anchor whatever its type. */
const PRODUCT_URL = /jinritemai\.com|haohuo\.|ec_goods_detail|\/views\/product\//i;

/** Products from `promotions[]` (object list) and `simple_promotions` (a JSON string on web). */
export function extractProducts(item: unknown): ProductFacts[] {
  const out: ProductFacts[] = [];
  for (const name of ['promotions', 'simple_promotions']) {
    const key = read(item, name)?.key ?? name;
    arr(item, name).forEach((p, i) => {
      const product = productOf(p, `${key}[${i}]`);
      if (product && !out.some((o) => o.id === product.id)) out.push(product);
    });
  }
  return out;
}

export function productOf(p: unknown, field: string): ProductFacts | undefined {
  if (!isObj(p)) return undefined;
  const id = idOf(p, 'product_id') ?? idOf(p, 'promotion_id') ?? idOf(p, 'gid');
  if (!id) return undefined;
  const product: ProductFacts = { id, field };
  const title = str(p, 'elastic_title') || str(p, 'title') || str(p, 'short_title');
  if (title) product.title = title;
  const price = num(p, 'price') ?? num(p, 'min_price');
  if (price !== undefined) product.priceFen = price;
  const shopId = idOf(p, 'shop_id');
  if (shopId) product.shopId = shopId;
  const shopName = str(p, 'shop_name') ?? str(val(p, 'shop_info'), 'shop_name');
  if (shopName) product.shopName = shopName;
  const url = str(p, 'url') ?? str(p, 'detail_url');
  if (url) product.url = url;
  // Commission of the affiliate programme; `cos_radio` is the 2020 app API's own spelling.
  for (const c of ['cos_fee', 'cos_ratio', 'cos_radio']) {
    const v = num(p, c);
    if (v !== undefined && v > 0) {
      product.commission = { field: `${field}.${c}`, value: v };
      break;
    }
  }
  return product;
}

function anchorOf(a: unknown, field: string): AnchorFacts | undefined {
  if (!isObj(a)) return undefined;
  const type = num(a, 'type');
  if (type === undefined) return undefined;
  const urls = ['open_url', 'web_url', 'mp_url'].map((f) => str(a, f) ?? '').join(' ');
  let kind = ANCHOR_TYPE_KIND.get(type) ?? 'other';
  if (kind === 'poi' && !poiFromAnchor(a, field)) kind = 'other';
  if (kind === 'other' && PRODUCT_URL.test(urls)) kind = 'product';
  const anchor: AnchorFacts = { type, kind, field };
  const title = str(a, 'title');
  if (title) anchor.title = title;
  return anchor;
}

/** `anchor_info`, `anchors[]`, `anchor_list[]`, `common_anchor`: wherever an item keeps its anchors. */
export function extractAnchors(item: unknown): Array<AnchorFacts & { raw: Obj }> {
  const out: Array<AnchorFacts & { raw: Obj }> = [];
  const push = (a: unknown, field: string) => {
    const f = anchorOf(a, field);
    if (f && isObj(a)) out.push({ ...f, raw: a });
  };
  for (const name of ['anchor_info', 'common_anchor']) {
    const r = read(item, name);
    if (r) push(r.value, r.key);
  }
  for (const name of ['anchors', 'anchor_list']) {
    const key = read(item, name)?.key ?? name;
    arr(item, name).forEach((a, i) => push(a, `${key}[${i}]`));
  }
  return out;
}

function poiFromAnchor(a: Obj, field: string): PoiFacts | undefined {
  const extra = objField(a, 'extra');
  const id = extra && (idOf(extra.value, 'poi_id') ?? undefined);
  if (!extra || !id) return undefined;
  const poi: PoiFacts = { id, field: `${field}.${extra.key}.poi_id` };
  const name = str(extra.value, 'poi_name');
  if (name) poi.name = name;
  const code = str(extra.value, 'type_code');
  if (code) poi.typeCode = code;
  return poi;
}

/** The place an item is tagged with: `poi_info`, else a type-2 anchor's `extra.poi_id`; plus a group-buy deal. */
export function extractPoi(item: unknown, anchors: Array<AnchorFacts & { raw: Obj }>): PoiFacts | undefined {
  let poi: PoiFacts | undefined;
  const info = read(item, 'poi_info');
  if (info && isObj(info.value)) {
    const id = idOf(info.value, 'poi_id');
    const name = str(info.value, 'poi_name');
    if (id || name) {
      poi = { field: info.key };
      if (id) poi.id = id;
      if (name) poi.name = name;
      const code = str(info.value, 'type_code');
      if (code) poi.typeCode = code;
    }
  }
  if (!poi) {
    for (const a of anchors) if (a.kind === 'poi' && (poi = poiFromAnchor(a.raw, a.field))) break;
  }
  const deal = groupBuy(read(item, 'poi_biz')) ?? anchorDeal(anchors);
  if (deal) (poi ??= { field: deal.field }).groupBuy = deal;
  return poi;
}

/** A deal inside a place anchor's `extra` (the anchor of a group-buy video carries the deal beside the poi_id). */
function anchorDeal(anchors: Array<AnchorFacts & { raw: Obj }>): Fact<boolean> | undefined {
  for (const a of anchors) {
    if (a.kind !== 'poi') continue;
    const extra = objField(a.raw, 'extra');
    const deal = extra && groupBuy({ key: `${a.field}.${extra.key}`, value: extra.value });
    if (deal) return deal;
  }
  return undefined;
}

/**
 * A deal attached to the place: a key naming a deal / groupon that carries a value, in `poi_biz` or an anchor's
 * extra. Field names of deals are not verified on a real capture (PLATFORMS.md), hence the key-name match.
 */
function groupBuy(biz: { key: string; value: unknown } | undefined): Fact<boolean> | undefined {
  if (!biz || !isObj(biz.value)) return undefined;
  for (const k of Object.keys(biz.value)) {
    if (UNSAFE_KEYS.has(k)) continue;
    if (/deal|groupon|group_buy|groupBuy|coupon/i.test(k) && meaningful(biz.value[k])) return { field: `${biz.key}.${k}`, value: true };
  }
  return undefined;
}

/** Commerce challenges (商业话题) among the hashtags: `text_extra[].is_commerce`, `cha_list[].is_commerce`. */
export function extractCampaigns(item: unknown): Fact<string>[] {
  const out: Fact<string>[] = [];
  for (const [list, nameField] of [['text_extra', 'hashtag_name'], ['cha_list', 'cha_name']] as const) {
    const key = read(item, list)?.key ?? list;
    arr(item, list).forEach((t, i) => {
      if (flag(t, 'is_commerce')) out.push({ field: `${key}[${i}].is_commerce`, value: str(t, nameField) ?? 'commerce hashtag' });
    });
  }
  return out;
}
