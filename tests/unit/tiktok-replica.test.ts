// The TikTok replica's data (demo/tiktok/data.mjs) run through the real extractor and classifier: its ground truth
// (tiktokFeed) must be what the extension will show, or the end-to-end test would test the demo, not the code.
import { describe, expect, it } from 'vitest';
import { tiktokExpectedFeed, tiktokFeed, tiktokFeedPage, tiktokProductById } from '../../demo/data.mjs';
import { respond } from '../../demo/replica.mjs';
import { classify } from '../../utils/classify';
import { tiktok } from '../../utils/platforms/tiktok';

const FOR_YOU = 'https://www.tiktok.com/api/recommend/item_list/?aid=1988&count=30&cursor=0';

describe('TikTok replica data', () => {
  it('the first page holds one of each kind, in a fixed order', () => {
    expect(tiktokFeed.map((e) => e.kind)).toEqual(['plain', 'ad', 'seller-product', 'partnership', 'live', 'ad-product', 'campaign', 'creator-product', 'live-seller', 'plain']);
  });

  it('the extractor and classifier give exactly the expected tags, ad kinds, products and rooms (first 30 items)', () => {
    const page = tiktokFeedPage({ cursor: 0, count: 30, total: 30 });
    const got = tiktok.extractFromResponse(FOR_YOU, page).map((i) => classify(i));
    const want = tiktokExpectedFeed(30);
    expect(got.map((c) => c.id)).toEqual(want.map((w) => w.id));
    got.forEach((c, i) => {
      expect(c.tags.map((t) => t.id), `${i} ${want[i].kind}`).toEqual(want[i].tags);
      expect(c.adKind).toBe(want[i].adKind);
      expect(c.productIds).toEqual(want[i].productIds ?? []);
      expect(c.roomId).toBe(want[i].roomId);
    });
  });

  it('pages by cursor like the real API: {itemList, hasMore, cursor, statusCode: 0}', () => {
    const a = tiktokFeedPage({ cursor: 0, count: 8, total: 12 });
    const b = tiktokFeedPage({ cursor: Number(a.cursor), count: 8, total: 12 });
    expect([a.itemList.length, a.hasMore, a.cursor, a.statusCode]).toEqual([8, true, '8', 0]);
    expect([b.itemList.length, b.hasMore]).toEqual([4, false]);
  });

  it('every product anchor opens a product page the replica serves', () => {
    for (const e of tiktokExpectedFeed(30)) {
      for (const id of e.productIds ?? []) {
        expect(tiktokProductById(id)?.fromItem).toBe(e.id);
        expect(respond(`https://www.tiktok.com/view/product/${id}`)?.status).toBe(200);
      }
    }
    expect(respond('https://www.tiktok.com/view/product/1')?.status).toBe(404);
  });

  it("a LIVE item's room detail is live and, for the seller's room, selling", () => {
    for (const e of tiktokFeed.filter((x) => x.roomId)) {
      const body = JSON.parse(respond(`https://www.tiktok.com/api/live/detail/?aid=1988&roomID=${e.roomId}`)!.body);
      const [room] = tiktok.extractFromResponse('https://www.tiktok.com/api/live/detail/', body).map((i) => classify(i));
      expect(room.tags.map((t) => t.id)).toEqual(e.kind === 'live-seller' ? ['shop', 'live', 'field'] : ['live']);
    }
  });
});
