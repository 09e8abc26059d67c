import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayKey } from '../../utils/background/aggregates';
import { META_AGG_REBUILD, dumpAggregates, readAggregates, recomputeAggregates } from '../../utils/background/aggregate-store';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { TAG_IDS } from '../../utils/model/tags';
import type { Touchpoint } from '../../utils/model/touchpoint';
import { freshIndexedDb, MIN, openTestDb, T0, tp } from './background-fixtures';

const ctx = { extVersion: '0.1.0', now: T0 };
const DAY = 24 * 60 * MIN;

const arbTouchpoint = fc.record({
  type: fc.constantFrom('impression', 'impression', 'product-click', 'live-enter', 'search'),
  at: fc.integer({ min: T0, max: T0 + 3 * DAY }),
  itemId: fc.constantFrom('a', 'b', 'c', 'd', undefined),
  tags: fc.subarray([...TAG_IDS]),
  dwellMs: fc.integer({ min: 0, max: 60_000 }),
  shopId: fc.constantFrom('s1', 's2', undefined),
  brand: fc.constantFrom('Brand A', 'Brand B', undefined),
  platform: fc.constantFrom('douyin', 'tiktok'),
});

describe('running aggregates', () => {
  beforeEach(freshIndexedDb);

  it('count distinct items seen per tag, today and all-time, and commerce dwell', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [
      tp({ itemId: 'x', tags: ['shop'], dwellMs: 4000 }),
      tp({ itemId: 'x', tags: ['shop', 'ad'], dwellMs: 1000, at: T0 + MIN }), // same item: counted once, gains ad
      tp({ itemId: 'y', tags: ['live'], dwellMs: 5000, at: T0 + DAY }), // another day
      tp({ itemId: 'z', tags: ['poi'], dwellMs: 10_000, at: T0 + DAY }),
      tp({ type: 'product-click', itemId: 'q', tags: ['shop'], shopId: 's1', brand: 'Shop One' }), // not an impression
    ], ctx);
    const agg = await readAggregates(db, dayKey(T0 + DAY));
    expect(agg.total).toMatchObject({ itemsSeen: 3, itemsByTag: { shop: 1, ad: 1, live: 1 }, dwellMs: 20_000, commerceDwellMs: 10_000, touchpoints: 5 });
    expect(agg.today).toMatchObject({ itemsSeen: 2, itemsByTag: { shop: 0, ad: 0, live: 1 }, dwellMs: 15_000, commerceDwellMs: 5000 });
    expect(agg.shops).toEqual([{ shopId: 's1', name: 'Shop One', nameAt: T0, touchpoints: 1 }]);
  });

  it('equal a full recompute, whatever the batches, their order and retries', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(arbTouchpoint, { minLength: 1, maxLength: 40 }),
      fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
      async (specs, cuts) => {
        await freshIndexedDb();
        const db = await openTestDb();
        const all = specs.map((s) => tp(s as Partial<Touchpoint>));
        let i = 0;
        for (let k = 0; i < all.length; k++) {
          const batch = all.slice(i, i + cuts[k % cuts.length]);
          await writeTouchpoints(db, batch, ctx);
          if (k % 3 === 0) await writeTouchpoints(db, batch, ctx); // a retried batch
          i += batch.length;
        }
        const running = await dumpAggregates(db);
        await recomputeAggregates(db);
        expect(running).toEqual(await dumpAggregates(db));
        db.close();
      },
    ), { numRuns: 40 });
  });

  it('rebuild themselves when missing (after an upgrade)', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [tp({ tags: ['ad'] }), tp()], ctx);
    const before = await dumpAggregates(db);
    await db.clear('meta');
    await db.clear('seen');
    expect((await readAggregates(db, dayKey(T0))).total).toMatchObject({ itemsSeen: 2, itemsByTag: { ad: 1 } });
    const after = await dumpAggregates(db);
    expect(after).toEqual(before);
  });

  it('rebuild a page at a time: never more than a page of touchpoints held', async () => {
    const db = await openTestDb();
    const all = Array.from({ length: 25 }, (_, i) => tp({ itemId: `i${i % 7}`, tags: i % 2 ? ['shop'] : ['ad'], at: T0 + i * 97 * MIN, shopId: `s${i % 3}` }));
    for (let i = 0; i < all.length; i += 2) await writeTouchpoints(db, all.slice(i, i + 2), ctx); // chunks of two
    const running = await dumpAggregates(db);
    const pages: number[] = [];
    const total = await recomputeAggregates(db, { pageSize: 4, onPage: (n) => pages.push(n) });
    expect(Math.max(...pages)).toBeLessThanOrEqual(4);
    expect(pages.reduce((a, n) => a + n, 0)).toBe(25);
    // The first read assumes full chunks (one); the last full read is followed by an empty one.
    expect(pages).toEqual([2, 4, 4, 4, 4, 4, 3, 0]);
    expect(total.touchpoints).toBe(25);
    expect(await dumpAggregates(db)).toEqual(running);
    expect(await db.get('meta', META_AGG_REBUILD)).toBeUndefined();
  });

  it('count every row once when writes land between the pages of a rebuild', async () => {
    const db = await openTestDb();
    const first = Array.from({ length: 20 }, (_, i) => tp({ itemId: `i${i % 5}`, tags: ['shop'], at: T0 + i * MIN }));
    await writeTouchpoints(db, first, ctx);
    const writes: Promise<unknown>[] = [];
    let k = 0;
    // Each page queues a batch (ids spread before and after the rebuild's position); it runs before the next page.
    await recomputeAggregates(db, { pageSize: 3, onPage: () => { writes.push(writeTouchpoints(db, [tp({ itemId: `n${k % 4}`, tags: ['ad'], at: T0 + (k++) * 7 * MIN })], ctx)); } });
    await Promise.all(writes);
    const running = await dumpAggregates(db);
    expect((running.meta['agg:total'] as { touchpoints: number }).touchpoints).toBe(20 + writes.length);
    await recomputeAggregates(db);
    expect(running).toEqual(await dumpAggregates(db));
  });

  it('resume a rebuild a stopped worker left half done', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, Array.from({ length: 10 }, (_, i) => tp({ itemId: `i${i}`, tags: ['live'] })), ctx);
    const before = await dumpAggregates(db);
    let pages = 0;
    await expect(recomputeAggregates(db, { pageSize: 3, onPage: () => { if (++pages === 2) throw new Error('worker stopped'); } })).rejects.toThrow();
    expect(await db.get('meta', META_AGG_REBUILD)).toBeDefined();
    expect((await readAggregates(db, dayKey(T0))).total).toMatchObject({ touchpoints: 10, itemsSeen: 10 });
    expect(await dumpAggregates(db)).toEqual(before);
  });
});
