/**
 * Time-decay: a touch's weight halves with every half-life between it and the conversion.
 *   wᵢ = 2^(−Δtᵢ / halfLife), Δtᵢ = conversionAt − atᵢ (days), halfLife = timeDecayHalfLifeDays;
 *   creditᵢ = wᵢ / Σⱼ wⱼ.
 * E.g. touches 14, 7 and 0 days before the conversion, half-life 7: w = 1/4, 1/2, 1 → credits 1/7, 2/7, 4/7.
 */
import { MS_PER_DAY } from '../definitions';
import { normalise, type TouchWeights } from './types';

export const timeDecayWeights: TouchWeights = (touches, conversionAt, defs) =>
  normalise(touches.map((tp) => 2 ** (-(conversionAt - tp.at) / MS_PER_DAY / defs.timeDecayHalfLifeDays)));
