/**
 * Position-based ("U-shaped"): the first and last touches get fixed shares, the middle touches split the rest.
 *   n ≥ 3: credit₁ = first (0.4), creditₙ = last (0.4), each middle touch = middle (0.2) / (n − 2);
 *   n = 2: no middle, so first and last split everything in proportion first : last (0.4 : 0.4 → 0.5 / 0.5);
 *   n = 1: that touch gets 1.
 * Shares are settings (positionBasedFirstShare, …MiddleShare, …LastShare); the result is normalised, so shares
 * that do not sum to 1 still give credits that do.
 */
import { normalise, type TouchWeights } from './types';

export const positionBasedWeights: TouchWeights = (touches, _conversionAt, defs) => {
  const n = touches.length;
  if (n === 1) return [1];
  if (n === 2) return normalise([defs.positionBasedFirstShare, defs.positionBasedLastShare]);
  const middle = defs.positionBasedMiddleShare / (n - 2);
  return normalise(touches.map((_, i) => (i === 0 ? defs.positionBasedFirstShare : i === n - 1 ? defs.positionBasedLastShare : middle)));
};
