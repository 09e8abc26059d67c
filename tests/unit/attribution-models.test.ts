import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS as D, withDefinitions } from '../../utils/journeys/definitions';
import { firstTouchWeights } from '../../utils/journeys/attribution/first-touch';
import { lastTouchWeights } from '../../utils/journeys/attribution/last-touch';
import { linearWeights } from '../../utils/journeys/attribution/linear';
import { positionBasedWeights } from '../../utils/journeys/attribution/position-based';
import { timeDecayWeights } from '../../utils/journeys/attribution/time-decay';
import { DAY, T0, tp } from './journeys-helpers';

const touches = (daysBefore: number[]) => daysBefore.map((d) => tp({ type: 'impression', at: T0 - d * DAY }));
const four = touches([3, 2, 1, 0]);
const close = (actual: number[], expected: number[]) => actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 12));

describe('rule-based attribution models, worked by hand', () => {
  it('first-touch and last-touch give everything to one end', () => {
    expect(firstTouchWeights(four, T0, D)).toEqual([1, 0, 0, 0]);
    expect(lastTouchWeights(four, T0, D)).toEqual([0, 0, 0, 1]);
  });

  it('linear: 4 touches get 1/4 = 0.25 each', () => {
    expect(linearWeights(four, T0, D)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('position-based 40/20/40: 4 touches → 0.4, 0.2/2 = 0.1, 0.1, 0.4', () => {
    close(positionBasedWeights(four, T0, D), [0.4, 0.1, 0.1, 0.4]);
  });

  it('position-based: 3 touches → 0.4/0.2/0.4; 2 touches → 0.4:0.4 = 0.5/0.5; 1 touch → 1', () => {
    close(positionBasedWeights(touches([2, 1, 0]), T0, D), [0.4, 0.2, 0.4]);
    close(positionBasedWeights(touches([1, 0]), T0, D), [0.5, 0.5]);
    expect(positionBasedWeights(touches([0]), T0, D)).toEqual([1]);
  });

  it('position-based with other shares: 30/40/30 over 4 touches → 0.3, 0.2, 0.2, 0.3; 2 touches still 50/50', () => {
    const defs = withDefinitions({ positionBasedFirstShare: 0.3, positionBasedMiddleShare: 0.4, positionBasedLastShare: 0.3 });
    close(positionBasedWeights(four, T0, defs), [0.3, 0.2, 0.2, 0.3]);
    close(positionBasedWeights(touches([1, 0]), T0, defs), [0.5, 0.5]);
  });

  it('time-decay, half-life 7 d: touches 14, 7, 0 days before → 2^-2, 2^-1, 2^0 = 0.25, 0.5, 1 → 1/7, 2/7, 4/7', () => {
    // Σ = 0.25 + 0.5 + 1 = 1.75; 0.25/1.75 = 1/7, 0.5/1.75 = 2/7, 1/1.75 = 4/7.
    close(timeDecayWeights(touches([14, 7, 0]), T0, D), [1 / 7, 2 / 7, 4 / 7]);
  });

  it('time-decay follows the half-life setting: half-life 14 d → 2^-1, 2^-0.5, 1', () => {
    const w = [0.5, Math.SQRT1_2, 1];
    const sum = w[0] + w[1] + w[2];
    close(timeDecayWeights(touches([14, 7, 0]), T0, withDefinitions({ timeDecayHalfLifeDays: 14 })), w.map((x) => x / sum));
  });

  it('time-decay: equal times share equally', () => {
    close(timeDecayWeights(touches([1, 1]), T0, D), [0.5, 0.5]);
  });
});
