/**
 * The shape all attribution models share. A model turns the credited touches of one converted journey (time
 * order, conversion excluded — see creditedTouches in ./index.ts) into weights that sum to 1.
 */
import type { Touchpoint } from '../../model/touchpoint';
import type { Definitions } from '../definitions';

export const ATTRIBUTION_MODEL_IDS = ['first-touch', 'last-touch', 'linear', 'time-decay', 'position-based', 'markov'] as const;
export type AttributionModelId = (typeof ATTRIBUTION_MODEL_IDS)[number];

/** One row of the attribution export table. `touchpointId` null: the journey had nothing creditable ("direct"). */
export interface Credit {
  journeyId: string;
  touchpointId: string | null;
  model: AttributionModelId;
  /** Share of the journey's one conversion, 0..1; a converted journey's credits sum to 1 under each model. */
  credit: number;
}

/** Weights for `touches` (non-empty, time order), summing to 1. `conversionAt` is epoch milliseconds. */
export type TouchWeights = (touches: readonly Touchpoint[], conversionAt: number, defs: Definitions) => number[];

/** Scale non-negative weights to sum to 1; all-zero weights become equal shares. */
export function normalise(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return total > 0 ? weights.map((w) => w / total) : weights.map(() => 1 / weights.length);
}
