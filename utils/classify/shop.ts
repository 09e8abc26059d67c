/**
 * The `shop` tag: the item itself sells. Kinds: 'selling-live' (a live room / card whose cart has goods),
 * 'product-anchor' (products or a product anchor on the post, or an ad into a Douyin shop product),
 * 'group-buy' (a deal on the tagged place), 'shop-window' (only the author's profile shop window, and only when
 * the setting allows it). An anchor of unverified type proves nothing; a city is not a shop.
 */
import type { FeedItem } from '../model/item';
import type { Evidence, TagHit } from '../model/tags';
import { ev, fromFact, hit } from './evidence';
import { CONFIDENCE, type ClassifySettings } from './settings';

/** Evidence lists stay short: the first few products say enough. */
export const MAX_PRODUCT_EVIDENCE = 5;

export function shopTag(item: FeedItem, settings: ClassifySettings): TagHit | undefined {
  const products: Evidence[] = item.products.slice(0, MAX_PRODUCT_EVIDENCE).map((p) =>
    ev(item, p.field, p.title ? `${p.id} ${p.title}` : p.id, p.priceFen !== undefined ? `product, price ${p.priceFen} fen` : 'product'),
  );

  if (item.live) {
    const selling = item.live.selling.map((f) => fromFact(item, f, 'the room sells'));
    if (selling.length || products.length) {
      const against = item.live.notSelling.map((f) => fromFact(item, f, 'says the cart is empty; outweighed by the selling signals'));
      return hit('shop', products.length ? CONFIDENCE.certain : CONFIDENCE.strong, [...products, ...selling, ...against], 'selling-live');
    }
  }

  const anchors = item.anchors.filter((a) => a.kind === 'product').map((a) => ev(item, a.field, a.title ?? a.type, 'anchor opens a shop product'));
  const adToShop = (item.ad.destinationKinds ?? [])
    .filter((d) => d.kind === 'closed-loop-product')
    .map((d) => ev(item, d.field, d.url, `ad leads to a Douyin shop product (${d.rule})`));
  if (products.length || anchors.length || adToShop.length) {
    const confidence = products.length ? CONFIDENCE.certain : CONFIDENCE.strong;
    return hit('shop', confidence, [...products, ...anchors, ...adToShop], 'product-anchor');
  }

  if (item.poi?.groupBuy) return hit('shop', CONFIDENCE.strong, [fromFact(item, item.poi.groupBuy, 'a group-buy deal on the place')], 'group-buy');

  if (settings.shopWindowAloneTags && item.author.shopWindow) {
    return hit('shop', CONFIDENCE.hint, [fromFact(item, item.author.shopWindow, "author's profile has a shop window; the item itself shows no goods")], 'shop-window');
  }
  return undefined;
}
