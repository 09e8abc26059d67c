/**
 * The popup's numbers, read from the running aggregates (never by scanning touchpoints on open); journey counts
 * come from a cached count (./journey-summary.ts) that a large store refreshes in the background.
 */
import type { Stats, StatsSummary } from '../messages';
import { isRecording, type Settings } from '../settings';
import type { GuangjieDb } from '../db/schema';
import { dayKey, type Bucket } from './aggregates';
import { readAggregates } from './aggregate-store';
import { degradedInDb, type RecentDiagnostics } from './diagnostics';
import { journeySummaryFor } from './journey-summary';

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

export async function buildStats(
  db: GuangjieDb,
  opts: { tabId?: number; now: number; settings: Settings; recent: RecentDiagnostics },
): Promise<Stats> {
  const agg = await readAggregates(db, dayKey(opts.now));
  const topShops = agg.shops
    .sort((a, b) => b.touchpoints - a.touchpoints || a.shopId.localeCompare(b.shopId))
    .slice(0, TOP_SHOPS)
    .map(({ shopId, name, touchpoints }) => (name ? { shopId, name, touchpoints } : { shopId, touchpoints }));
  const degraded =
    opts.tabId !== undefined &&
    (opts.recent.degraded(opts.tabId, opts.now) || (await degradedInDb(db, opts.tabId, opts.now)));
  const journeys = await journeySummaryFor(db, opts.now, agg.total.touchpoints).catch(() => null);
  const today = journeys && journeys.day === dayKey(opts.now) ? journeys.today : null;
  return {
    today: { ...summarise(agg.today), journeys: today },
    allTime: { ...summarise(agg.total), journeys: journeys?.allTime ?? null },
    ...(journeys ? { journeysAsOf: journeys.computedAt } : {}),
    topShops,
    storageFull: opts.settings.storageFull,
    degraded,
    recording: isRecording(opts.settings),
  };
}
