// Synthetic touchpoints shaped like real ones (utils/model/touchpoint.ts), deterministic by index, for seeding a
// large store. Self-contained on purpose: its source is sent to an extension page and run there.
//
// The mix is a heavy participant's store (1,000,000 touchpoints is about a year of daily scrolling), in shares of
// all touchpoints:
//   impressions 84 % — of them 20 % shop items (a product anchor), 8 % ads, 5 % live cards, 2 % places;
//   product clicks 5 %, shop opens 1 %, cart opens 1 %, live enter 2 % / leave 2 %,
//   conversions 3 % (product views 2 %, add-to-cart 1 %), searches 2 %;
//   spread over the last 30 days, 1 in 5 on TikTok.
// Commerce touches draw from 50,000 products in 20,000 shops with a skew (a few shops are seen often), so
// journeys have the few to few-dozen touches a real one has. (An adversarial mix — half the store in 300 shops —
// makes journeys of hundreds of touches; docs/PERFORMANCE.md gives that Node measurement too.)

/** `n` touchpoints starting at index `start`. */
export function syntheticBatch(start, n) {
  const DAY_MS = 86_400_000;
  const PRODUCTS = 50_000;
  const PRODUCTS_PER_SHOP = 2.5;
  /** A 32-bit integer hash (lowbias32): spreads consecutive indexes so the mix does not follow `k`'s residues. */
  const hash = (x) => {
    x = (x ^ (x >>> 16)) >>> 0;
    x = Math.imul(x, 0x7feb352d) >>> 0;
    x = (x ^ (x >>> 15)) >>> 0;
    x = Math.imul(x, 0x846ca68b) >>> 0;
    return (x ^ (x >>> 16)) >>> 0;
  };
  const typeOf = (h) => {
    const p = h % 100;
    if (p < 84) return 'impression';
    if (p < 89) return 'product-click';
    if (p < 90) return 'shop-open';
    if (p < 91) return 'cart-open';
    if (p < 93) return 'live-enter';
    if (p < 95) return 'live-leave';
    if (p < 97) return 'product-view';
    if (p < 98) return 'add-to-cart';
    return 'search';
  };
  const now = Date.now();
  const out = [];
  for (let k = start; k < start + n; k++) {
    const h = hash(k + 1);
    const h2 = hash(h ^ 0x9e3779b9);
    const type = typeOf(h);
    const platform = k % 5 === 0 ? 'tiktok' : 'douyin';
    const tp = {
      id: `bench-${k}`,
      type,
      at: now - 30 * DAY_MS + (h2 % (30 * DAY_MS)),
      platform,
      surface: type === 'search' ? 'search' : type.startsWith('live') ? 'live-room' : 'recommend',
      pageUrl: platform === 'tiktok' ? 'https://www.tiktok.com/' : 'https://www.douyin.com/',
      tags: [],
      navIndex: k % 50,
    };
    if (type === 'search') {
      tp.query = `query ${h2 % 997}`;
      out.push(tp);
      continue;
    }
    tp.itemId = String(7_400_000_000_000_000_000n + BigInt(Math.floor(k / 3)));
    const q = (h >>> 8) % 100;
    const commerce = type !== 'impression' && !type.startsWith('live');
    if (type === 'impression') {
      tp.dwellMs = 1_000 + (h2 % 20_000);
      tp.attentionMs = Math.floor(tp.dwellMs * 0.8);
      if (q < 20) tp.tags = q < 4 ? ['shop', 'ad'] : ['shop'];
      else if (q < 28) tp.tags = ['ad'];
      else if (q < 33) tp.tags = ['live'];
      else if (q < 35) tp.tags = ['poi'];
    } else if (type.startsWith('live')) {
      tp.tags = q < 50 ? ['live', 'shop'] : ['live'];
      tp.roomId = `room-${h2 % 5_000}`;
      if (type === 'live-leave') tp.dwellMs = 5_000 + (h2 % 600_000);
    } else tp.tags = ['shop'];
    if (commerce || tp.tags.includes('shop')) {
      // Skewed popularity: the square of a uniform number puts most touches on the low product numbers.
      const u = (h2 % 100_000) / 100_000;
      const product = Math.floor(u * u * PRODUCTS);
      tp.productId = String(3_500_000_000_000_000 + product);
      tp.shopId = `shop-${Math.floor(product / PRODUCTS_PER_SHOP)}`;
    }
    out.push(tp);
  }
  return out;
}
