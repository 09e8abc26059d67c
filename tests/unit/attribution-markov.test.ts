import { describe, expect, it } from 'vitest';
import { attributeJourneys, fitMarkov } from '../../utils/journeys/attribution';
import { buildJourneys } from '../../utils/journeys/journeys';
import { DAY, MIN, T0, tp } from './journeys-helpers';

/*
 * Three journeys over two channels A and B:
 *   J1: start → A → B → conversion
 *   J2: start → A → null
 *   J3: start → B → conversion
 * Transitions: start→A 2 of 3, start→B 1 of 3; A→B 1 of 2, A→null 1 of 2; B→conv 2 of 2.
 * P(conv)      = 2/3 · 1/2 · 1 + 1/3 · 1 = 1/3 + 1/3 = 2/3.
 * Without A    : start→A leads to null, so P = 1/3 · 1 = 1/3       → RE_A = 1 − (1/3)/(2/3) = 1/2.
 * Without B    : every path to conversion passes B, so P = 0       → RE_B = 1 − 0 = 1.
 * Shares       : A = 0.5/1.5 = 1/3, B = 1/1.5 = 2/3.
 * In J1 (A, B) : A gets 0.5/(0.5 + 1) = 1/3, B gets 2/3. In J3 (B) : B gets 1.
 */
describe('Markov removal effect, worked by hand', () => {
  const paths = [
    { channels: ['A', 'B'], converted: true },
    { channels: ['A'], converted: false },
    { channels: ['B'], converted: true },
  ];

  it('computes P(conv), removal effects and shares', () => {
    const fit = fitMarkov(paths);
    expect(fit.conversionProbability).toBeCloseTo(2 / 3, 12);
    expect(fit.removalEffects.A).toBeCloseTo(1 / 2, 12);
    expect(fit.removalEffects.B).toBeCloseTo(1, 12);
    expect(fit.shares.A).toBeCloseTo(1 / 3, 12);
    expect(fit.shares.B).toBeCloseTo(2 / 3, 12);
  });

  it('handles a channel repeated in a path (self-loop) without changing absorption', () => {
    // A→A only delays: from A, P(next is not A) splits as before, so P(conv) and the effects are unchanged.
    const fit = fitMarkov([{ channels: ['A', 'A', 'B'], converted: true }, ...paths.slice(1)]);
    expect(fit.removalEffects.A).toBeCloseTo(1 / 2, 12);
    expect(fit.removalEffects.B).toBeCloseTo(1, 12);
  });

  it('gives nothing when nothing converted', () => {
    expect(fitMarkov([{ channels: ['A'], converted: false }])).toEqual({ conversionProbability: 0, removalEffects: { A: 0 }, shares: { A: 0 } });
  });

  it('credits touches of the same three journeys built from touchpoints (channel = surface)', () => {
    // A = the recommend feed, B = the follow feed; each journey is its own product, days apart.
    const j1a = tp({ id: 'j1a', type: 'impression', surface: 'recommend', at: T0 - 2 * MIN, productId: 'P1' });
    const j1b = tp({ id: 'j1b', type: 'impression', surface: 'follow', at: T0 - MIN, productId: 'P1' });
    const j1c = tp({ id: 'j1c', type: 'product-view', surface: 'product-page', at: T0, productId: 'P1' });
    const j2a = tp({ id: 'j2a', type: 'impression', surface: 'recommend', at: T0 + DAY, productId: 'P2' });
    const j3b = tp({ id: 'j3b', type: 'impression', surface: 'follow', at: T0 + 2 * DAY, productId: 'P3' });
    const j3c = tp({ id: 'j3c', type: 'product-view', surface: 'product-page', at: T0 + 2 * DAY + MIN, productId: 'P3' });
    const credits = attributeJourneys(buildJourneys([j1a, j1b, j1c, j2a, j3b, j3c]), ['markov']);
    const byTouch = Object.fromEntries(credits.map((c) => [c.touchpointId, c.credit]));
    expect(byTouch.j1a).toBeCloseTo(1 / 3, 12);
    expect(byTouch.j1b).toBeCloseTo(2 / 3, 12);
    expect(byTouch.j3b).toBeCloseTo(1, 12);
    expect(byTouch.j2a).toBeUndefined(); // open journeys teach the model but earn no credit
  });
});
