/**
 * What the dashboard reads: the touchpoints in the date range through the `at` index (never the whole table),
 * at most DASHBOARD_MAX_TOUCHPOINTS of them — the most recent — with a note when capped; plus the journey inputs
 * (touches with a product, shop or brand, and searches) of the look-back window before the range, so a journey
 * ending early in the range still has its first touches.
 */
import type { GuangjieDb } from '../db/schema';
import type { Touchpoint } from '../model/touchpoint';
import { JOURNEY_LOOKBACK_DAYS, MS_PER_DAY } from '../journeys/definitions';
import { isJourneyInput } from '../export/journey-tables';
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
  const [rows, before] = await Promise.all([
    db.getAllFromIndex('touchpoints', 'at', IDBKeyRange.bound(lower, filter.to)),
    db.getAllFromIndex('touchpoints', 'at', IDBKeyRange.bound(lower - JOURNEY_LOOKBACK_DAYS * MS_PER_DAY, lower, false, true)),
  ]);
  return {
    touchpoints: rows.filter(platformOk),
    lookback: before.filter((tp) => isJourneyInput(tp) && platformOk(tp)),
    inRange,
    capped: inRange > cap,
  };
}
