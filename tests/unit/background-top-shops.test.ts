import { beforeEach, describe, expect, it } from 'vitest';
import { dayKey } from '../../utils/background/aggregates';
import { mergeTopShops, readAggregates, TOP_SHOPS_KEPT } from '../../utils/background/aggregate-store';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { META_AGG_TOP_SHOPS, metaAggShop } from '../../utils/db/schema';
import { freshIndexedDb, MIN, openTestDb, T0, tp } from './background-fixtures';

const ctx = { extVersion: '0.1.0', now: T0 };

describe('top shops for the popup', () => {
  beforeEach(freshIndexedDb);

  it('merge changed rows over the kept list, most touchpoints first, ties by id, at most TOP_SHOPS_KEPT', () => {
    const top = [{ shopId: 'a', touchpoints: 5 }, { shopId: 'b', touchpoints: 3 }];
    expect(mergeTopShops(top, [{ shopId: 'b', touchpoints: 6 }, { shopId: 'c', touchpoints: 3 }])).toEqual([
      { shopId: 'b', touchpoints: 6 }, { shopId: 'a', touchpoints: 5 }, { shopId: 'c', touchpoints: 3 },
    ]);
    const many = Array.from({ length: TOP_SHOPS_KEPT + 10 }, (_, i) => ({ shopId: `s${String(i).padStart(3, '0')}`, touchpoints: i }));
    const merged = mergeTopShops([], many);
    expect(merged).toHaveLength(TOP_SHOPS_KEPT);
    expect(merged[0].touchpoints).toBe(TOP_SHOPS_KEPT + 9);
  });

  it('stay equal to the top of every shop row as touchpoints arrive in batches, without reading every shop row', async () => {
    const db = await openTestDb();
    // 80 shops; shop k gets (k * 7) % 23 + 1 touchpoints, spread over interleaved batches
    const all = [];
    for (let k = 0; k < 80; k++) for (let n = 0; n < ((k * 7) % 23) + 1; n++) all.push(tp({ type: 'product-click', shopId: `shop-${k}`, at: T0 + (n * 80 + k) * MIN }));
    all.sort((a, b) => a.at - b.at);
    for (let i = 0; i < all.length; i += 37) await writeTouchpoints(db, all.slice(i, i + 37), ctx);
    const rows = await db.getAll('meta', IDBKeyRange.bound(metaAggShop(''), metaAggShop('\uffff')));
    const expected = mergeTopShops([], rows as never[]);
    expect(await db.get('meta', META_AGG_TOP_SHOPS)).toEqual(expected);
    expect((await readAggregates(db, dayKey(T0))).shops).toEqual(expected);
    expect(expected[0].touchpoints).toBe(23);
  });

  it('are made from the shop rows once when a store has none yet (aggregates from an older version)', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [tp({ type: 'product-click', shopId: 'x' }), tp({ type: 'product-click', shopId: 'x', at: T0 + MIN }), tp({ type: 'product-click', shopId: 'y' })], ctx);
    await db.delete('meta', META_AGG_TOP_SHOPS);
    const shops = (await readAggregates(db, dayKey(T0))).shops;
    expect(shops.map((s) => [s.shopId, s.touchpoints])).toEqual([['x', 2], ['y', 1]]);
    expect(await db.get('meta', META_AGG_TOP_SHOPS)).toEqual(shops);
  });
});
