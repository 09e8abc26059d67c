import { describe, expect, it } from 'vitest';
import type { Credit } from '../../utils/journeys/attribution/types';
import { channelOf, groupingKeys } from '../../utils/journeys/groupings';
import { rollUp } from '../../utils/journeys/rollups';
import { T0, tp } from './journeys-helpers';

const ad = tp({ id: 'ad', type: 'impression', at: T0, tags: ['ad', 'shop', 'field'], adKind: 'closed-loop-product' });
const kol = tp({ id: 'kol', type: 'impression', at: T0, surface: 'follow', tags: ['top-kol', 'alliance', 'shop'] });
const plain = tp({ id: 'plain', type: 'search', at: T0, surface: 'search', platform: 'tiktok' });
const touchpoints = [ad, kol, plain];
const credits: Credit[] = [
  { journeyId: 'j1', touchpointId: 'ad', model: 'linear', credit: 0.5 },
  { journeyId: 'j1', touchpointId: 'kol', model: 'linear', credit: 0.5 },
  { journeyId: 'j2', touchpointId: 'plain', model: 'linear', credit: 1 },
  { journeyId: 'j3', touchpointId: null, model: 'linear', credit: 1 },
];
const asMap = (rows: ReturnType<typeof rollUp>) => Object.fromEntries(rows.map((r) => [r.key, r.credit]));

describe('groupings', () => {
  it('gives each touch its keys, with a default key when it has none', () => {
    expect(groupingKeys(plain, 'tag')).toEqual(['untagged']);
    expect(groupingKeys(plain, 'fact-role')).toEqual(['none']);
    expect(groupingKeys(ad, 'fact-role')).toEqual(['field']);
    expect(groupingKeys(ad, 'ad-vs-organic')).toEqual(['ad']);
    expect(groupingKeys(ad, 'ad-kind')).toEqual(['closed-loop-product']);
    expect(groupingKeys(tp({ type: 'impression', at: T0, tags: ['ad'] }), 'ad-kind')).toEqual(['unknown']);
    expect(groupingKeys(kol, 'ad-kind')).toEqual(['organic']);
    expect(channelOf(kol, 'fact-role')).toBe('alliance+top-kol');
  });
});

describe('roll-ups', () => {
  it('by FACT role: a touch with two roles splits its credit; direct credit is its own key', () => {
    // ad: field 0.5; kol: alliance 0.25 + top-kol 0.25; plain: none 1; no touch: direct 1. Total 3 = 3 journeys.
    expect(asMap(rollUp(credits, touchpoints, 'fact-role'))).toEqual({ field: 0.5, alliance: 0.25, 'top-kol': 0.25, none: 1, direct: 1 });
  });

  it('by tag: ad 0.5/3, shop 0.5/3 + 0.5/3, …', () => {
    const byTag = asMap(rollUp(credits, touchpoints, 'tag'));
    expect(byTag.shop).toBeCloseTo(0.5 / 3 + 0.5 / 3, 12);
    expect(byTag.ad).toBeCloseTo(0.5 / 3, 12);
    expect(byTag.untagged).toBe(1);
  });

  it('by ad vs organic, surface and platform, with shares of the model total', () => {
    expect(asMap(rollUp(credits, touchpoints, 'ad-vs-organic'))).toEqual({ ad: 0.5, organic: 1.5, direct: 1 });
    expect(asMap(rollUp(credits, touchpoints, 'surface'))).toEqual({ recommend: 0.5, follow: 0.5, search: 1, direct: 1 });
    const platform = rollUp(credits, touchpoints, 'platform');
    expect(platform.map((r) => [r.key, r.credit, r.share])).toEqual([
      ['direct', 1, 1 / 3],
      ['douyin', 1, 1 / 3],
      ['tiktok', 1, 1 / 3],
    ]);
  });

  it('refuses credit for a touchpoint it was not given, rather than miscount it', () => {
    expect(() => rollUp([{ journeyId: 'j', touchpointId: 'missing', model: 'linear', credit: 1 }], [], 'surface')).toThrow(/missing/);
  });
});
