/**
 * What the dashboard reads: the touchpoints in the date range through the `at` index (never the whole table),
 * at most DASHBOARD_MAX_TOUCHPOINTS of them — the most recent — with a note when capped, read in pages and held
 * slim (./index-pages.ts, utils/export/journey-tables.ts journeyInputSlimmer); plus the journey inputs
 * (touches with a product, shop or brand, and searches) of the look-back window before the range, so a journey
 * ending early in the range still has its first touches.
 */
import type { GuangjieDb } from '../db/schema';
import type { Touchpoint } from '../model/touchpoint';
import { JOURNEY_LOOKBACK_DAYS, MS_PER_DAY } from '../journeys/definitions';
import { isJourneyInput, journeyInputSlimmer } from '../export/journey-tables';
import { touchpointPagesByTime } from './index-pages';
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
  const range = IDBKeyRange.bound(filter.from, filter.to);
  const index = db.transaction('touchpoints').store.index('at');
  const inRange = await index.count(range);
  let lower = filter.from;
  if (inRange > cap) {
    // Walk back `cap` rows from the newest to find where the kept part starts; then read that part in one go.
    const cursor = await db.transaction('touchpoints').store.index('at').openCursor(range, 'prev');
    const at = cap > 1 ? await cursor?.advance(cap - 1) : cursor;
    lower = (at?.key as number | undefined) ?? filter.from;
  }
  const platformOk = (tp: Touchpoint) => filter.platform === 'all' || tp.platform === filter.platform;
  // Rows are kept slim (no page URL, no provenance; repeated values shared): the charts, funnel and journeys read
  // nothing else, and a capped range is 200,000 rows. The look-back keeps journey inputs only.
  const slim = journeyInputSlimmer();
  const keep = async (from: number, to: number, toOpen: boolean, wanted: (tp: Touchpoint) => boolean) => {
    const out: Touchpoint[] = [];
    for await (const page of touchpointPagesByTime(db, from, to, toOpen)) for (const tp of page) if (wanted(tp)) out.push(slim(tp));
    return out;
  };
  const [touchpoints, lookback] = await Promise.all([
    keep(lower, filter.to, false, platformOk),
    keep(lower - JOURNEY_LOOKBACK_DAYS * MS_PER_DAY, lower, true, (tp) => isJourneyInput(tp) && platformOk(tp)),
  ]);
  return { touchpoints, lookback, inRange, capped: inRange > cap };
}
