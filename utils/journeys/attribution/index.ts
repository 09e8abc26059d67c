/**
 * Attribution over journeys: every converted journey gets credit rows summing to 1 under each model.
 * Which touches are credited: those before the conversion, minus `defs.creditExcludedTypes` (the conversion
 * signals — funnel steps are outcomes, not causes — and live-leave, whose room visit is credited at live-enter).
 * Open journeys get no credit; they only feed the Markov model's non-converting paths.
 */
import type { Touchpoint } from '../../model/touchpoint';
import { DEFAULT_DEFINITIONS, type Definitions } from '../definitions';
import { channelOf } from '../groupings';
import type { Journey } from '../journeys';
import { firstTouchWeights } from './first-touch';
import { lastTouchWeights } from './last-touch';
import { linearWeights } from './linear';
import { fitMarkov, markovWeights, type MarkovFit, type MarkovPath } from './markov';
import { positionBasedWeights } from './position-based';
import { timeDecayWeights } from './time-decay';
import { ATTRIBUTION_MODEL_IDS, type AttributionModelId, type Credit, type TouchWeights } from './types';

export * from './types';
export { fitMarkov, type MarkovFit, type MarkovPath } from './markov';

/** The touches of a journey that can receive credit, in time order (the conversion itself never does). */
export function creditedTouches(journey: Journey, defs: Definitions = DEFAULT_DEFINITIONS): Touchpoint[] {
  const before = journey.conversionId ? journey.touchpoints.filter((tp) => tp.id !== journey.conversionId) : journey.touchpoints;
  return before.filter((tp) => !defs.creditExcludedTypes.includes(tp.type));
}

/** Every journey as a Markov path over the channels of its credited touches. */
export function markovPaths(journeys: readonly Journey[], defs: Definitions = DEFAULT_DEFINITIONS): MarkovPath[] {
  return journeys
    .map((j) => ({ channels: creditedTouches(j, defs).map((tp) => channelOf(tp, defs.markovChannel)), converted: j.converted }))
    .filter((p) => p.channels.length > 0);
}

/** Credit rows for one converted journey under one model; nothing creditable → one "direct" row of credit 1. */
export function attributeJourney(journey: Journey, model: AttributionModelId, weights: TouchWeights, defs: Definitions = DEFAULT_DEFINITIONS): Credit[] {
  if (!journey.converted) return [];
  const touches = creditedTouches(journey, defs);
  if (!touches.length) return [{ journeyId: journey.id, touchpointId: null, model, credit: 1 }];
  const credits = weights(touches, journey.lastAt, defs);
  return touches.map((tp, i) => ({ journeyId: journey.id, touchpointId: tp.id, model, credit: credits[i] }));
}

const FIXED_WEIGHTS: Record<Exclude<AttributionModelId, 'markov'>, TouchWeights> = {
  'first-touch': firstTouchWeights,
  'last-touch': lastTouchWeights,
  linear: linearWeights,
  'time-decay': timeDecayWeights,
  'position-based': positionBasedWeights,
};

/**
 * Credit rows for every converted journey under each model. Pass ALL journeys (open ones too): the Markov model
 * is fitted on them (or pass a `markovFit` made earlier, e.g. on a larger set).
 */
export function attributeJourneys(
  journeys: readonly Journey[],
  models: readonly AttributionModelId[] = ATTRIBUTION_MODEL_IDS,
  defs: Definitions = DEFAULT_DEFINITIONS,
  markovFit?: MarkovFit,
): Credit[] {
  return [...attributionPages(journeys, models, defs, markovFit)].flat();
}

/**
 * The same credit rows as `attributeJourneys`, one journey and model at a time (model by model, journeys in
 * order), so an export can write them out without holding them all: credit rows outnumber touchpoints by the
 * number of models.
 */
export function* attributionPages(
  journeys: readonly Journey[],
  models: readonly AttributionModelId[] = ATTRIBUTION_MODEL_IDS,
  defs: Definitions = DEFAULT_DEFINITIONS,
  markovFit?: MarkovFit,
): Generator<Credit[]> {
  const weightsOf = (model: AttributionModelId): TouchWeights =>
    model === 'markov' ? markovWeights(markovFit ?? fitMarkov(markovPaths(journeys, defs))) : FIXED_WEIGHTS[model];
  for (const model of models) {
    const weights = weightsOf(model);
    for (const j of journeys) yield attributeJourney(j, model, weights, defs);
  }
}
