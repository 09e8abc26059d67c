/**
 * The popup's numbers, read from the running aggregates (never by scanning touchpoints on open); journey counts
 * come from a cached count (./journey-summary.ts) that a large store refreshes in the background.
 */
import type { Stats, StatsSummary } from '../messages';
import { isRecording, type Settings } from '../settings';
import type { GuangjieDb } from '../db/schema';
import { dayKey, emptyBucket, type Bucket } from './aggregates';
import { byTouchpoints, readAggregateRows, readAggregates } from './aggregate-store';
import { degradedInDb, type RecentDiagnostics } from './diagnostics';
import { journeySummaryFor, META_JOURNEY_SUMMARY, type JourneySummary } from './journey-summary';

/** How many shops the popup lists. Count. */
export const TOP_SHOPS = 5;

export const summarise = (b: Bucket): StatsSummary => ({
  itemsSeen: b.itemsSeen,
  itemsByTag: { ...b.itemsByTag },
  touchpoints: b.touchpoints,
  dwellMs: b.dwellMs,
  commerceDwellMs: b.commerceDwellMs,
  attentionMs: b.attentionMs ?? 0,
  commerceAttentionMs: b.commerceAttentionMs ?? 0,
  adImpressions: b.adImpressions ?? 0,
  closedLoopAdImpressions: b.closedLoopAdImpressions ?? 0,
  adAttentionMs: b.adAttentionMs ?? 0,
  closedLoopAdAttentionMs: b.closedLoopAdAttentionMs ?? 0,
});

/** Share of dwell on commerce items, 0..1, or null when there is no dwell yet (not 0: nothing to divide). */
export const commerceDwellShare = (s: Pick<StatsSummary, 'dwellMs' | 'commerceDwellMs'>): number | null =>
  s.dwellMs > 0 ? s.commerceDwellMs / s.dwellMs : null;

type Aggregates = Awaited<ReturnType<typeof readAggregates>>;

/** The popup's numbers from aggregates and a journey count (flags filled in by the caller). Pure. */
export function statsFrom(agg: Aggregates, journeys: JourneySummary | null, now: number): Omit<Stats, 'storageFull' | 'degraded' | 'recording'> {
  const topShops = [...agg.shops]
    .sort(byTouchpoints)
    .slice(0, TOP_SHOPS)
    .map(({ shopId, name, touchpoints }) => (name ? { shopId, name, touchpoints } : { shopId, touchpoints }));
  const today = journeys && journeys.day === dayKey(now) ? journeys.today : null;
  return {
    today: { ...summarise(agg.today), journeys: today },
    allTime: { ...summarise(agg.total), journeys: journeys?.allTime ?? null },
    ...(journeys ? { journeysAsOf: journeys.computedAt } : {}),
    topShops,
  };
}

export async function buildStats(
  db: GuangjieDb,
  opts: { tabId?: number; now: number; settings: Settings; recent: RecentDiagnostics },
): Promise<Stats> {
  const agg = await readAggregates(db, dayKey(opts.now));
  const degraded =
    opts.tabId !== undefined &&
    (opts.recent.degraded(opts.tabId, opts.now) || (await degradedInDb(db, opts.tabId, opts.now)));
  const journeys = await journeySummaryFor(db, opts.now, agg.total.touchpoints).catch(() => null);
  return {
    ...statsFrom(agg, journeys, opts.now),
    storageFull: opts.settings.storageFull,
    degraded,
    recording: isRecording(opts.settings),
  };
}

/**
 * The same numbers read straight from the database, for an extension page to show before the worker answers
 * (a stopped worker takes time to start; a busy one — a journey recount on a large store — to reply). Read only:
 * null when the aggregates are missing or being rebuilt (then only the worker can say). The flags are the
 * caller's: `degraded` needs the worker's diagnostics and stays false here.
 */
export async function readStatsSnapshot(db: GuangjieDb, now: number, settings: Settings): Promise<Stats | null> {
  const [rows, journeys] = await Promise.all([
    readAggregateRows(db, dayKey(now)),
    db.get('meta', META_JOURNEY_SUMMARY) as Promise<JourneySummary | undefined>,
  ]);
  if (!rows.total || rows.marker || !rows.top) return null;
  const agg = { total: rows.total, today: rows.day ?? emptyBucket(), shops: rows.top };
  return { ...statsFrom(agg, journeys ?? null, now), storageFull: settings.storageFull, degraded: false, recording: isRecording(settings) };
}
