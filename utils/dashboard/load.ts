/**
 * What the dashboard reads: the touchpoints in the date range, found through the chunks' time indexes (never the
 * whole store),
 * at most DASHBOARD_MAX_TOUCHPOINTS of them — the most recent — with a note when capped, read in pages and held
 * slim (utils/db/touchpoint-chunks.ts, utils/export/journey-tables.ts journeyInputSlimmer); plus the journey inputs
 * (touches with a product, shop or brand, and searches) of the look-back window before the range, so a journey
 * ending early in the range still has its first touches.
 */
import type { GuangjieDb } from '../db/schema';
import type { Touchpoint } from '../model/touchpoint';
import { JOURNEY_LOOKBACK_DAYS, MS_PER_DAY } from '../journeys/definitions';
import { isJourneyInput, journeyInputSlimmer } from '../export/journey-tables';
import { touchpointPagesByTime } from '../db/touchpoint-chunks';
import { byTime } from '../journeys/sessions';
import type { DashboardFilter } from './filters';

/** Most touchpoints the dashboard reads for one range (the most recent ones win). Count. */
export const DASHBOARD_MAX_TOUCHPOINTS = 200_000;

export interface LoadedTouchpoints {
  touchpoints: Touchpoint[];
  /** Journey inputs from the look-back window before `from` (not shown, only used to build journeys). */
  lookback: Touchpoint[];
  /** Touchpoints in the range before the cap and the platform filter. */
  inRange: number;
  capped: boolean;
}

export async function loadTouchpoints(db: GuangjieDb, filter: DashboardFilter, cap = DASHBOARD_MAX_TOUCHPOINTS): Promise<LoadedTouchpoints> {
  // First the times in the range (numbers only): how many there are, and where the newest `cap` start.
  const times: number[] = [];
  for await (const page of touchpointPagesByTime(db, filter.from, filter.to)) for (const tp of page) times.push(tp.at);
  const inRange = times.length;
  const lower = inRange > cap ? times.sort((a, b) => b - a)[cap - 1] : filter.from;
  times.length = 0;
  const platformOk = (tp: Touchpoint) => filter.platform === 'all' || tp.platform === filter.platform;
  // Rows are kept slim (no page URL, no provenance; repeated values shared): the charts, funnel and journeys read
  // nothing else, and a capped range is 200,000 rows. The look-back keeps journey inputs only.
  const slim = journeyInputSlimmer();
  const touchpoints: Touchpoint[] = [];
  const lookback: Touchpoint[] = [];
  for await (const page of touchpointPagesByTime(db, lower - JOURNEY_LOOKBACK_DAYS * MS_PER_DAY, filter.to)) {
    for (const tp of page) {
      if (!platformOk(tp)) continue;
      if (tp.at >= lower) touchpoints.push(slim(tp));
      else if (isJourneyInput(tp)) lookback.push(slim(tp));
    }
  }
  // Chunks come in write order; the charts and lists read them in time order.
  touchpoints.sort(byTime);
  lookback.sort(byTime);
  return { touchpoints, lookback, inRange, capped: inRange > cap };
}
