/**
 * Journey counts for the popup (open, converted, and how many began browsing vs in a store), today and all-time.
 * Journeys need the touches before each conversion, so they cannot be folded one touchpoint at a time like the
 * other aggregates. Instead the count is computed from the journey inputs (utils/export/journey-tables.ts: only
 * touches with a product, shop or brand, and searches) and cached in `meta` under META_JOURNEY_SUMMARY.
 *  - A small store (≤ JOURNEY_SYNC_MAX_TOUCHPOINTS) is recounted while the popup waits whenever it changed.
 *  - A large one is recounted in the background (one at a time) when it changed, at most every
 *    JOURNEY_SUMMARY_MAX_AGE_MIN; the popup shows the last count with its time, so opening the popup never waits
 *    on a scan.
 *  - An unchanged store (same day, same touchpoint total) keeps its count however old it is.
 * "Today" counts journeys whose last touch is today (a converted journey: its conversion).
 */
import type { JourneyCounts } from '../messages';
import type { GuangjieDb } from '../db/schema';
import { buildJourneys, type Journey } from '../journeys';
import { journeyInputs } from '../export/journey-tables';
import { dayKey } from './aggregates';
import { DEFAULT_DEFINITIONS } from '../journeys/definitions';

export const META_JOURNEY_SUMMARY = 'journeys:summary';
/** Largest store recounted while the popup waits. Touchpoints. */
export const JOURNEY_SYNC_MAX_TOUCHPOINTS = 20_000;
/** A count older than this is redone even if the store looks unchanged (retention may have swapped rows). Minutes. */
export const JOURNEY_SUMMARY_MAX_AGE_MIN = 10;

export interface JourneySummary {
  computedAt: number;
  /** Total touchpoints when counted (from the running aggregates): a change means the count is stale. */
  touchpoints: number;
  day: string;
  today: JourneyCounts;
  allTime: JourneyCounts;
}

export function countJourneys(journeys: readonly Journey[]): JourneyCounts {
  const counts: JourneyCounts = { open: 0, converted: 0, browse: 0, store: 0 };
  for (const j of journeys) {
    if (j.converted) counts.converted += 1;
    else counts.open += 1;
    if (j.mode === 'browse') counts.browse += 1;
    if (j.mode === 'store') counts.store += 1;
  }
  return counts;
}

export async function computeJourneySummary(db: GuangjieDb, now: number, touchpoints: number): Promise<JourneySummary> {
  const journeys = buildJourneys(await journeyInputs(db), DEFAULT_DEFINITIONS, true);
  const day = dayKey(now);
  const summary: JourneySummary = {
    computedAt: now,
    touchpoints,
    day,
    today: countJourneys(journeys.filter((j) => dayKey(j.lastAt) === day)),
    allTime: countJourneys(journeys),
  };
  await db.put('meta', summary, META_JOURNEY_SUMMARY);
  return summary;
}

let running: Promise<JourneySummary> | null = null;

function recount(db: GuangjieDb, now: number, touchpoints: number): Promise<JourneySummary> {
  running ??= computeJourneySummary(db, now, touchpoints).finally(() => (running = null));
  return running;
}

/** The counts to show now; `null` parts mean "not counted yet" (a large store, first time, or a new day). */
export async function journeySummaryFor(db: GuangjieDb, now: number, touchpoints: number): Promise<JourneySummary | null> {
  const cached = (await db.get('meta', META_JOURNEY_SUMMARY)) as JourneySummary | undefined;
  const small = touchpoints <= JOURNEY_SYNC_MAX_TOUCHPOINTS;
  const today = !!cached && cached.day === dayKey(now);
  const recent = today && now - cached.computedAt < JOURNEY_SUMMARY_MAX_AGE_MIN * 60_000;
  // Nothing changed since the count (same day, same number of touchpoints; retention rebuilds that number when it
  // deletes rows): it stands, however old. A large store that did not sit still would otherwise be rescanned
  // each time a page asks — in the middle of an export, a second full scan competing with it.
  if (today && cached.touchpoints === touchpoints) return cached;
  // A small store is recounted whenever it changed. A large one changes with every touchpoint while the viewer
  // browses: recounting on each change would keep the worker scanning all the time, so its count is redone
  // only when it is older than JOURNEY_SUMMARY_MAX_AGE_MIN (the popup shows the time it was made).
  if (recent && !small) return cached;
  if (small) return recount(db, now, touchpoints);
  // Started a little later, so the page that asked reads its numbers before the recount's scan competes with it.
  // One pending start at a time (several popup opens within the delay make one recount, not several).
  scheduled ??= setTimeout(() => {
    scheduled = null;
    void recount(db, now, touchpoints).catch((e) => console.warn('[guangjie] journey count', e));
  }, recountDelayMs);
  return cached ?? null;
}

let scheduled: ReturnType<typeof setTimeout> | null = null;

/** How long after a popup's request a large store's recount starts. Milliseconds. */
export const JOURNEY_RECOUNT_DELAY_MS = 5_000;
let recountDelayMs = JOURNEY_RECOUNT_DELAY_MS;
/** Tests start recounts at once. */
export const setRecountDelayForTests = (ms: number): void => void (recountDelayMs = ms);
