import { beforeEach, describe, expect, it } from 'vitest';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { byDay, categoryOf, computeDashboard, funnelCounts } from '../../utils/dashboard/compute';
import { daysBetween, defaultFilter, endOfDay, fromDateInput, toDateInput } from '../../utils/dashboard/filters';
import { loadTouchpoints } from '../../utils/dashboard/load';
import { MS_PER_DAY } from '../../utils/journeys/definitions';
import { freshIndexedDb, MIN, openTestDb, T0, tp } from './background-fixtures';

const day = (n: number) => T0 + n * MS_PER_DAY;

describe('dashboard filters', () => {
  it('turn date inputs into whole local days, both ends inclusive', () => {
    expect(fromDateInput('2025-03-01', 'start')).toBe(new Date(2025, 2, 1).getTime());
    expect(fromDateInput('2025-03-01', 'end')).toBe(new Date(2025, 2, 2).getTime() - 1);
    expect(fromDateInput('garbage', 'start')).toBeNull();
    expect(toDateInput(T0)).toBe('2025-03-01');
    expect(daysBetween(T0, endOfDay(day(2)))).toEqual(['2025-03-01', '2025-03-02', '2025-03-03']);
    const f = defaultFilter(T0);
    expect(daysBetween(f.from, f.to)).toHaveLength(14);
  });
});

describe('dashboard numbers', () => {
  it('puts each impression in one tag category, ad first, and splits attention commerce vs other', () => {
    expect(categoryOf(['shop', 'ad'])).toBe('ad');
    expect(categoryOf(['live', 'shop'])).toBe('shop');
    expect(categoryOf(['field'])).toBe('other');
    const rows = byDay([
      tp({ tags: ['ad', 'shop'], attentionMs: 1000 }),
      tp({ tags: [], attentionMs: 500 }),
      tp({ at: day(1), tags: ['live'], attentionMs: 300 }),
      tp({ type: 'product-click', tags: ['shop'] }),
    ], T0, endOfDay(day(1)));
    expect(rows.map((r) => [r.day, r.impressions, r.byCategory.ad, r.byCategory.other, r.byCategory.live])).toEqual([
      ['2025-03-01', 2, 1, 1, 0], ['2025-03-02', 1, 0, 0, 1]]);
    expect(rows[0]).toMatchObject({ commerceAttentionMs: 1000, otherAttentionMs: 500 });
  });

  it('counts the funnel steps and builds journeys with credit summing to 1 per model', () => {
    const tps = [
      tp({ id: 'a', at: T0, tags: ['ad', 'shop', 'alliance'], adKind: 'closed-loop-product', productId: 'p1' }),
      tp({ id: 'b', at: T0 + MIN, type: 'product-click', tags: ['ad', 'shop'], adKind: 'closed-loop-product', productId: 'p1' }),
      tp({ id: 'c', at: T0 + 2 * MIN, type: 'product-view', surface: 'product-page', productId: 'p1' }),
      tp({ id: 'd', at: T0 + 3 * MIN, type: 'buy-intent', surface: 'product-page', productId: 'p1' }),
      tp({ id: 'e', at: T0 + 4 * MIN, tags: ['shop'], productId: 'p9' }),
    ];
    const data = computeDashboard(tps, [], { from: T0 - 1, to: endOfDay(T0), platform: 'all' });
    expect(funnelCounts(tps)).toEqual({ impression: 2, 'product-click': 1, 'product-view': 1, 'buy-intent': 1 });
    expect(data.journeys.map((j) => j.id)).toEqual(['open:e', 'conv:d', 'conv:c']);
    expect(data.modes).toEqual({ browse: 3, store: 0, unknown: 0 });
    const lastTouch = data.credits.filter((c) => c.model === 'last-touch' && c.journeyId === 'conv:d');
    expect(lastTouch).toEqual([{ journeyId: 'conv:d', touchpointId: 'a', model: 'last-touch', credit: 0 }, { journeyId: 'conv:d', touchpointId: 'b', model: 'last-touch', credit: 1 }]);
    const linear = data.factRole.filter((r) => r.model === 'linear');
    expect(linear.reduce((s, r) => s + r.credit, 0)).toBeCloseTo(2); // two converted journeys
    expect(data.adKind.find((r) => r.model === 'first-touch' && r.key === 'closed-loop-product')?.credit).toBeCloseTo(2);
  });
});

describe('dashboard loading', () => {
  beforeEach(freshIndexedDb);

  it('reads the range through the at index, the most recent rows when capped, and the look-back journey inputs', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [
      tp({ id: 'old-plain', at: day(-3) }),
      tp({ id: 'old-linked', at: day(-3), productId: 'p1' }),
      ...Array.from({ length: 10 }, (_, i) => tp({ id: `in-${i}`, at: day(0) + i * MIN, platform: i % 2 ? 'tiktok' : 'douyin' })),
      tp({ id: 'after', at: day(2) }),
    ], { extVersion: 't', now: day(3) });
    const filter = { from: T0 - MIN, to: endOfDay(T0), platform: 'all' as const };
    const all = await loadTouchpoints(db, filter);
    expect(all).toMatchObject({ inRange: 10, capped: false });
    expect(all.touchpoints.map((t) => t.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `in-${i}`).sort());
    expect(all.lookback.map((t) => t.id)).toEqual(['old-linked']);
    const capped = await loadTouchpoints(db, filter, 4);
    expect(capped).toMatchObject({ inRange: 10, capped: true });
    expect(capped.touchpoints.map((t) => t.id)).toEqual(['in-6', 'in-7', 'in-8', 'in-9']);
    const tiktok = await loadTouchpoints(db, { ...filter, platform: 'tiktok' });
    expect(tiktok.touchpoints.every((t) => t.platform === 'tiktok')).toBe(true);
    expect(tiktok.touchpoints).toHaveLength(5);
  });
});
