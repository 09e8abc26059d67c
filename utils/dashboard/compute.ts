/**
 * The dashboard's numbers from loaded touchpoints, by day and overall. Pure (tests feed plain arrays).
 *  - Tag mix per day: each impression counted once, under its first category in TAG_CATEGORIES order
 *    (an ad that sells is an ad; a selling live room not advertised is shop, …), so the stacked bars add to 100 %.
 *  - Attention per day: impression attentionMs on commerce items (tag shop, ad or live) vs on everything else.
 *  - Funnel: touchpoints of each step type in the range (impression → product click → product view → buy intent).
 *  - Journeys and credit: utils/journeys over the range plus the look-back inputs; a journey is shown when its
 *    last touch is in the range. Credit rolled up by FACT role and by ad kind (issue #8), every model.
 */
import type { TagId } from '../model/tags';
import type { Touchpoint, TouchpointType } from '../model/touchpoint';
import { COMMERCE_TAGS, dayKey } from '../background/aggregates';
import { attributeJourneys, buildJourneys, rollUp, type Credit, type Journey, type RollupRow } from '../journeys';
import { isJourneyInput } from '../export/journey-tables';
import { daysBetween, type DashboardFilter } from './filters';

export const TAG_CATEGORIES = ['ad', 'shop', 'live', 'poi', 'other'] as const;
export type TagCategory = (typeof TAG_CATEGORIES)[number];
export const FUNNEL_STEPS = ['impression', 'product-click', 'product-view', 'buy-intent'] as const satisfies readonly TouchpointType[];

export interface DayRow {
  day: string;
  impressions: number;
  byCategory: Record<TagCategory, number>;
  /** Milliseconds. */
  commerceAttentionMs: number;
  otherAttentionMs: number;
}

export interface DashboardData {
  days: DayRow[];
  funnel: Record<(typeof FUNNEL_STEPS)[number], number>;
  /** Newest last touch first. */
  journeys: Journey[];
  credits: Credit[];
  factRole: RollupRow[];
  adKind: RollupRow[];
  modes: { browse: number; store: number; unknown: number };
  touchpoints: number;
  /** Journeys and credit are still being built: the overview parts are final, the journey parts empty. */
  pending?: boolean;
}

/** The parts read straight off the touchpoints (shown first); journeys and credit follow. */
export type DashboardOverview = Pick<DashboardData, 'days' | 'funnel' | 'touchpoints'>;

export function categoryOf(tags: readonly TagId[]): TagCategory {
  return TAG_CATEGORIES.find((c) => c !== 'other' && tags.includes(c)) ?? 'other';
}

const emptyDay = (day: string): DayRow => ({
  day, impressions: 0, byCategory: { ad: 0, shop: 0, live: 0, poi: 0, other: 0 }, commerceAttentionMs: 0, otherAttentionMs: 0,
});

export function byDay(touchpoints: readonly Touchpoint[], from: number, to: number): DayRow[] {
  const rows = new Map(daysBetween(from, to).map((d) => [d, emptyDay(d)]));
  for (const tp of touchpoints) {
    if (tp.type !== 'impression') continue;
    const row = rows.get(dayKey(tp.at));
    if (!row) continue;
    row.impressions += 1;
    row.byCategory[categoryOf(tp.tags)] += 1;
    if (tp.tags.some((t) => COMMERCE_TAGS.includes(t))) row.commerceAttentionMs += tp.attentionMs ?? 0;
    else row.otherAttentionMs += tp.attentionMs ?? 0;
  }
  return [...rows.values()];
}

export function funnelCounts(touchpoints: readonly Touchpoint[]): DashboardData['funnel'] {
  const counts = { impression: 0, 'product-click': 0, 'product-view': 0, 'buy-intent': 0 };
  for (const tp of touchpoints) if (tp.type in counts) counts[tp.type as keyof typeof counts] += 1;
  return counts;
}

export function computeOverview(touchpoints: readonly Touchpoint[], filter: DashboardFilter): DashboardOverview {
  return { days: byDay(touchpoints, filter.from, filter.to), funnel: funnelCounts(touchpoints), touchpoints: touchpoints.length };
}

/** The overview alone, journey parts empty and marked pending: what the page shows while journeys are built. */
export const pendingDashboard = (overview: DashboardOverview): DashboardData => ({
  ...overview, journeys: [], credits: [], factRole: [], adKind: [], modes: { browse: 0, store: 0, unknown: 0 }, pending: true,
});

export function computeJourneyParts(
  touchpoints: readonly Touchpoint[],
  lookback: readonly Touchpoint[],
  filter: DashboardFilter,
): Omit<DashboardData, keyof DashboardOverview | 'pending'> {
  const built = buildJourneys([...lookback, ...touchpoints.filter(isJourneyInput)]);
  const journeys = built.filter((j) => j.lastAt >= filter.from && j.lastAt <= filter.to);
  const shown = new Set(journeys.map((j) => j.id));
  // The Markov fit uses every journey built (the look-back ones too); only the shown journeys' credit is kept.
  const credits = attributeJourneys(built).filter((c) => shown.has(c.journeyId));
  const touched = journeys.flatMap((j) => j.touchpoints);
  const modes = { browse: 0, store: 0, unknown: 0 };
  for (const j of journeys) modes[j.mode] += 1;
  return {
    journeys: [...journeys].sort((a, b) => b.lastAt - a.lastAt),
    credits,
    factRole: rollUp(credits, touched, 'fact-role'),
    adKind: rollUp(credits, touched, 'ad-kind'),
    modes,
  };
}

export function computeDashboard(touchpoints: readonly Touchpoint[], lookback: readonly Touchpoint[], filter: DashboardFilter): DashboardData {
  return { ...computeOverview(touchpoints, filter), ...computeJourneyParts(touchpoints, lookback, filter) };
}
