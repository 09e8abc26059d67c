import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_MODEL_IDS, attributeJourneys, creditedTouches } from '../../utils/journeys/attribution';
import { buildJourneys } from '../../utils/journeys/journeys';
import { rollUp } from '../../utils/journeys/rollups';
import { GROUPING_IDS } from '../../utils/journeys/groupings';
import { TOUCHPOINT_TYPES, type Touchpoint } from '../../utils/model/touchpoint';
import { DAY, MIN, T0, tp } from './journeys-helpers';

describe('which touches get credit', () => {
  it('credits the touches before the conversion, not the conversion, earlier funnel steps or live-leave', () => {
    const enter = tp({ id: 'enter', type: 'live-enter', surface: 'live-room', at: T0 - 30 * MIN, shopId: 'S' });
    const leave = tp({ id: 'leave', type: 'live-leave', surface: 'live-room', at: T0 - 20 * MIN, dwellMs: 10 * MIN, shopId: 'S' });
    const view = tp({ id: 'view', type: 'product-view', surface: 'product-page', at: T0 - 10 * MIN, shopId: 'S' });
    const cart = tp({ id: 'cart', type: 'cart-open', surface: 'live-room', at: T0 - 5 * MIN, shopId: 'S' });
    const buy = tp({ id: 'buy', type: 'buy-intent', surface: 'product-page', at: T0, shopId: 'S' });
    const journey = buildJourneys([enter, leave, view, cart, buy]).find((j) => j.id === 'conv:buy')!;
    expect(creditedTouches(journey).map((t) => t.id)).toEqual(['enter', 'cart']);
    const linear = attributeJourneys([journey], ['linear']);
    expect(linear.map((c) => [c.touchpointId, c.credit])).toEqual([['enter', 0.5], ['cart', 0.5]]);
  });

  it('gives a conversion with nothing creditable to "direct": one row, no touchpoint, credit 1', () => {
    const journeys = buildJourneys([tp({ id: 'v', type: 'product-view', surface: 'product-page', at: T0, productId: 'P' })]);
    for (const model of ATTRIBUTION_MODEL_IDS) {
      expect(attributeJourneys(journeys, [model])).toEqual([{ journeyId: 'conv:v', touchpointId: null, model, credit: 1 }]);
    }
  });
});

const SURFACES = ['recommend', 'jingxuan', 'follow', 'search', 'live-room', 'product-page', 'profile', 'other'] as const;
const arbitraryTouchpoint = fc.record({
  type: fc.constantFrom(...TOUCHPOINT_TYPES),
  surface: fc.constantFrom(...SURFACES),
  at: fc.integer({ min: T0, max: T0 + 20 * DAY }),
  platform: fc.constantFrom('douyin' as const, 'tiktok' as const),
  productId: fc.option(fc.constantFrom('P1', 'P2', 'P3'), { nil: undefined }),
  shopId: fc.option(fc.constantFrom('S1', 'S2'), { nil: undefined }),
  brand: fc.option(fc.constantFrom('Nike', 'nike ', 'Anta'), { nil: undefined }),
  tags: fc.subarray(['shop', 'ad', 'live', 'field', 'alliance', 'campaign', 'top-kol'] as const),
  dwellMs: fc.option(fc.integer({ min: 0, max: 60 * MIN }), { nil: undefined }),
});

describe('credit sums (property, over random touchpoint histories)', () => {
  it('every converted journey gets credits summing to 1 under every model; open journeys get none', () => {
    fc.assert(
      fc.property(fc.array(arbitraryTouchpoint, { maxLength: 40 }), (fields) => {
        const touchpoints: Touchpoint[] = fields.map((f, i) => tp({ ...f, id: `r${i}` }));
        const journeys = buildJourneys(touchpoints);
        const credits = attributeJourneys(journeys);
        for (const model of ATTRIBUTION_MODEL_IDS) {
          for (const j of journeys) {
            const rows = credits.filter((c) => c.model === model && c.journeyId === j.id);
            const sum = rows.reduce((a, c) => a + c.credit, 0);
            if (j.converted) expect(sum).toBeCloseTo(1, 9);
            else expect(rows).toEqual([]);
            rows.forEach((c) => expect(c.credit).toBeGreaterThanOrEqual(0));
          }
          // Every roll-up of a model sums to the number of converted journeys.
          const converted = journeys.filter((j) => j.converted).length;
          for (const grouping of GROUPING_IDS) {
            const total = rollUp(credits.filter((c) => c.model === model), touchpoints, grouping).reduce((a, r) => a + r.credit, 0);
            expect(total).toBeCloseTo(converted, 9);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
