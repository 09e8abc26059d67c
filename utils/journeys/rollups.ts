/**
 * Roll-ups: attribution credit summed by a grouping of the credited touches — by tag, by FACT role, ad vs organic,
 * surface, ad kind, platform (./groupings.ts). Per model, a roll-up sums to the number of converted journeys:
 * a touch under several keys splits its credit equally among them, and "direct" credit (no touch) is its own key.
 * `share` is the key's credit over the model's total, so models and groupings compare on one 0..1 scale.
 */
import type { Touchpoint } from '../model/touchpoint';
import type { AttributionModelId, Credit } from './attribution/types';
import { DIRECT_KEY, GROUPING_IDS, groupingKeys, type GroupingId } from './groupings';

export interface RollupRow {
  model: AttributionModelId;
  grouping: GroupingId;
  key: string;
  /** Sum of credit (in conversions). */
  credit: number;
  /** credit / total credit of the model (0..1). */
  share: number;
}

/** Sum credits by one grouping, for every model present in `credits`; rows by model, then credit, largest first. */
export function rollUp(credits: readonly Credit[], touchpoints: readonly Touchpoint[], grouping: GroupingId): RollupRow[] {
  const byId = new Map(touchpoints.map((tp) => [tp.id, tp] as const));
  const keysById = new Map<string, string[]>(); // a touch recurs across models and overlapping journeys
  const keysOf = (id: string, journeyId: string): string[] => {
    let keys = keysById.get(id);
    if (!keys) {
      const tp = byId.get(id);
      if (!tp) throw new Error(`rollUp: touchpoint ${id} of journey ${journeyId} not given`);
      keysById.set(id, (keys = groupingKeys(tp, grouping)));
    }
    return keys;
  };
  const sums = new Map<AttributionModelId, Map<string, number>>();
  for (const c of credits) {
    const keys = c.touchpointId === null ? [DIRECT_KEY] : keysOf(c.touchpointId, c.journeyId);
    const sum = sums.get(c.model) ?? new Map<string, number>();
    for (const key of keys) sum.set(key, (sum.get(key) ?? 0) + c.credit / keys.length);
    sums.set(c.model, sum);
  }
  const rows: RollupRow[] = [];
  for (const [model, sum] of sums) {
    const total = [...sum.values()].reduce((a, b) => a + b, 0);
    const modelRows = [...sum].map(([key, credit]) => ({ model, grouping, key, credit, share: total > 0 ? credit / total : 0 }));
    rows.push(...modelRows.sort((a, b) => b.credit - a.credit || a.key.localeCompare(b.key)));
  }
  return rows;
}

/** Every grouping at once (the dashboard's attribution page). */
export const rollUpAll = (credits: readonly Credit[], touchpoints: readonly Touchpoint[]): RollupRow[] =>
  GROUPING_IDS.flatMap((g) => rollUp(credits, touchpoints, g));
