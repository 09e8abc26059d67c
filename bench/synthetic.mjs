// Synthetic touchpoints shaped like real ones (utils/model/touchpoint.ts), deterministic by index, for seeding a
// large store. Self-contained on purpose: its source is sent to an extension page and run there.

/** `n` touchpoints starting at index `start`: mostly impressions, some clicks and searches, over the last 30 days. */
export function syntheticBatch(start, n) {
  const DAY_MS = 86_400_000;
  const TAGS = [[], [], ['shop'], ['ad'], ['shop', 'ad'], ['live'], ['shop', 'live'], ['poi']];
  const TYPES = ['impression', 'impression', 'impression', 'impression', 'impression', 'impression', 'product-click', 'search'];
  const now = Date.now();
  const out = [];
  for (let k = start; k < start + n; k++) {
    const type = TYPES[k % TYPES.length];
    const item = 7_400_000_000_000_000_000n + BigInt(Math.floor(k / 3));
    const tp = {
      id: `bench-${k}`,
      type,
      at: now - 30 * DAY_MS + Math.floor((k * 2_591) % (30 * DAY_MS)),
      platform: k % 5 === 0 ? 'tiktok' : 'douyin',
      surface: 'recommend',
      pageUrl: k % 5 === 0 ? 'https://www.tiktok.com/' : 'https://www.douyin.com/',
      tags: type === 'search' ? [] : TAGS[k % TAGS.length],
      navIndex: k % 50,
    };
    if (type === 'search') tp.query = `query ${k % 997}`;
    else {
      tp.itemId = String(item);
      if (type === 'impression') tp.dwellMs = 1_000 + (k % 20_000);
      if (tp.tags.includes('shop')) { tp.productId = String(3_500_000_000_000_000 + (k % 5_000)); tp.shopId = `shop-${k % 300}`; }
    }
    out.push(tp);
  }
  return out;
}
