/** The popup's issue #4 / #8 numbers: attention on commerce, closed-loop ads, journey counts, kept cheap. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { META_AGG_REBUILD, recomputeAggregates, dumpAggregates } from '../../utils/background/aggregate-store';
import { RecentDiagnostics } from '../../utils/background/diagnostics';
import { JOURNEY_SUMMARY_MAX_AGE_MIN, JOURNEY_SYNC_MAX_TOUCHPOINTS, journeySummaryFor, META_JOURNEY_SUMMARY, setRecountDelayForTests } from '../../utils/background/journey-summary';

setRecountDelayForTests(0); // recounts start at once here; the delay itself is tested on its own
import { buildStats, readStatsSnapshot } from '../../utils/background/stats';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { freshIndexedDb, MIN, openTestDb, T0, tp } from './background-fixtures';

const ctx = { extVersion: 't', now: T0 + 10 * MIN };
const stats = async (db: Awaited<ReturnType<typeof openTestDb>>, now = T0 + 10 * MIN) =>
  buildStats(db, { now, settings: { ...DEFAULT_SETTINGS, consentGiven: true }, recent: new RecentDiagnostics() });

describe('popup stats', () => {
  beforeEach(freshIndexedDb);

  it('sum attention on commerce and on closed-loop ads, as the recompute does', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [
      tp({ tags: ['ad', 'shop'], adKind: 'closed-loop-product', attentionMs: 4000 }),
      tp({ tags: ['ad'], adKind: 'closed-loop-live', attentionMs: 1000 }),
      tp({ tags: ['ad'], adKind: 'landing-page', attentionMs: 5000 }),
      tp({ tags: [], attentionMs: 10_000 }),
      tp({ type: 'product-click', tags: ['ad'], adKind: 'closed-loop-product' }),
    ], ctx);
    const s = await stats(db);
    expect(s.allTime).toMatchObject({ attentionMs: 20_000, commerceAttentionMs: 10_000, adImpressions: 3, closedLoopAdImpressions: 2, adAttentionMs: 10_000, closedLoopAdAttentionMs: 5000 });
    expect(s.today).toMatchObject({ closedLoopAdImpressions: 2 });
    const running = await dumpAggregates(db);
    await recomputeAggregates(db);
    expect(await dumpAggregates(db)).toEqual(running);
  });

  it('reads rows stored before the new fields as zero', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [tp({ dwellMs: 3000 })], ctx);
    const old = (await db.get('meta', 'agg:total')) as Record<string, unknown>;
    for (const k of ['attentionMs', 'commerceAttentionMs', 'adImpressions', 'closedLoopAdImpressions', 'adAttentionMs', 'closedLoopAdAttentionMs']) delete old[k];
    await db.put('meta', old, 'agg:total');
    expect((await stats(db)).allTime).toMatchObject({ attentionMs: 0, adImpressions: 0, itemsSeen: 1 });
  });

  it('counts journeys open and converted, today and all-time, and how many began browsing', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [
      tp({ id: 'x1', at: T0 - 2 * 86_400_000, tags: ['shop'], productId: 'old' }),
      tp({ id: 'a', at: T0, tags: ['shop'], productId: 'p1' }),
      tp({ id: 'b', at: T0 + MIN, type: 'product-view', surface: 'product-page', productId: 'p1' }),
      tp({ id: 's', at: T0 + 2 * MIN, type: 'search', surface: 'search', query: 'q' }),
      tp({ id: 'c', at: T0 + 3 * MIN, type: 'shop-open', surface: 'other', shopId: 'shop9' }),
    ], ctx);
    const s = await stats(db);
    expect(s.allTime.journeys).toEqual({ open: 2, converted: 1, browse: 2, store: 1 });
    expect(s.today.journeys).toEqual({ open: 1, converted: 1, browse: 1, store: 1 });
    expect(s.journeysAsOf).toBe(T0 + 10 * MIN);
  });

  it('never scans a large store while the popup waits: it answers from the cache and recounts behind', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [tp({ productId: 'p1', tags: ['shop'] })], ctx);
    // Pretend the store is large: the count is not redone in the reply.
    expect(await journeySummaryFor(db, ctx.now, JOURNEY_SYNC_MAX_TOUCHPOINTS + 1)).toBeNull();
    await new Promise((r) => setTimeout(r, 50)); // the background recount lands in meta
    const cached = await db.get('meta', META_JOURNEY_SUMMARY);
    expect(cached).toMatchObject({ allTime: { open: 1 } });
    expect(await journeySummaryFor(db, ctx.now, JOURNEY_SYNC_MAX_TOUCHPOINTS + 1)).toMatchObject({ allTime: { open: 1 } });
  });

  /** A "large" store (one product) whose count is made, then a second product's touchpoint stored after it. */
  async function countedThenGrown() {
    const db = await openTestDb();
    const big = JOURNEY_SYNC_MAX_TOUCHPOINTS + 1;
    await writeTouchpoints(db, [tp({ productId: 'p1', tags: ['shop'] })], ctx);
    await journeySummaryFor(db, ctx.now, big);
    await new Promise((r) => setTimeout(r, 50));
    const first = await db.get('meta', META_JOURNEY_SUMMARY);
    // a second product: two open journeys once recounted
    await writeTouchpoints(db, [tp({ productId: 'p2', tags: ['shop'], at: T0 + MIN })], ctx);
    return { db, big, first };
  }

  it('recounts a large store only when its count is older than the maximum age, not on every new touchpoint', async () => {
    const { db, big, first } = await countedThenGrown();
    expect(await journeySummaryFor(db, ctx.now + MIN, big + 1)).toEqual(first);
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.get('meta', META_JOURNEY_SUMMARY)).toEqual(first); // no recount started
    // past the maximum age: the cached count is answered and a recount runs behind
    const later = ctx.now + (JOURNEY_SUMMARY_MAX_AGE_MIN + 1) * MIN;
    expect(await journeySummaryFor(db, later, big + 1)).toEqual(first);
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.get('meta', META_JOURNEY_SUMMARY)).toMatchObject({ computedAt: later, allTime: { open: 2 } });
  });

  it('never recounts a large store that has not changed since its count, however old the count (an export must not compete with a rescan)', async () => {
    const { db, big, first } = await countedThenGrown(); // the second touchpoint is not yet in the total `big`
    const later = ctx.now + (JOURNEY_SUMMARY_MAX_AGE_MIN + 1) * MIN;
    expect(await journeySummaryFor(db, later, big)).toEqual(first);
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.get('meta', META_JOURNEY_SUMMARY)).toEqual(first); // no recount started
  });
});

describe('a large store\'s recount', () => {
  beforeEach(freshIndexedDb);
  afterEach(() => setRecountDelayForTests(0));

  it('starts a while after the request, so the asking page reads first', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [tp({ productId: 'p1', tags: ['shop'] })], ctx);
    setRecountDelayForTests(300);
    expect(await journeySummaryFor(db, ctx.now, JOURNEY_SYNC_MAX_TOUCHPOINTS + 1)).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(await db.get('meta', META_JOURNEY_SUMMARY)).toBeUndefined();
    // a second request inside the delay: still one recount, started by the first request's timer
    expect(await journeySummaryFor(db, ctx.now + 1, JOURNEY_SYNC_MAX_TOUCHPOINTS + 1)).toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect(await db.get('meta', META_JOURNEY_SUMMARY)).toMatchObject({ computedAt: ctx.now, allTime: { open: 1 } });
  });
});

describe('the stats snapshot an extension page reads straight from the database', () => {
  beforeEach(freshIndexedDb);

  it('gives the numbers the worker would, with the flags from the settings, and writes nothing', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [tp({ itemId: 'x', tags: ['shop'], dwellMs: 4000, shopId: 's1', brand: 'Shop One' })], ctx);
    const settings = { ...DEFAULT_SETTINGS, consentGiven: true, storageFull: true };
    const fromWorker = await buildStats(db, { now: ctx.now, settings, recent: new RecentDiagnostics() });
    const before = await dumpAggregates(db);
    const snapshot = await readStatsSnapshot(db, ctx.now, settings);
    expect(snapshot).toEqual({ ...fromWorker, degraded: false });
    expect(snapshot!.storageFull).toBe(true);
    expect(await dumpAggregates(db)).toEqual(before);
  });

  it('is null while the aggregates are missing or being rebuilt (only the worker can answer then)', async () => {
    const db = await openTestDb();
    expect(await readStatsSnapshot(db, ctx.now, DEFAULT_SETTINGS)).toBeNull();
    await writeTouchpoints(db, [tp({ itemId: 'x', tags: ['shop'] })], ctx);
    await db.put('meta', { after: null }, META_AGG_REBUILD);
    expect(await readStatsSnapshot(db, ctx.now, DEFAULT_SETTINGS)).toBeNull();
  });
});
