/**
 * Retention: touchpoints older than the `retentionDays` setting (0 keeps everything) and diagnostics older than
 * DIAGNOSTICS_KEEP_DAYS are deleted once a day (an alarm, so it survives worker restarts). After touchpoints go,
 * the aggregates are rebuilt from what is kept: "all-time" in the popup then means "in the data kept".
 */
import type { GuangjieDb } from '../db/schema';
import { recomputeAggregates } from './aggregate-store';
import { deleteTouchpointsBefore } from '../db/touchpoint-chunks';

/** Diagnostics only explain recent trouble. Days. */
export const DIAGNOSTICS_KEEP_DAYS = 30;
export const RETENTION_ALARM = 'guangjie:retention';
/** How often retention runs. Minutes. */
export const RETENTION_PERIOD_MIN = 24 * 60;
const MS_PER_DAY = 86_400_000;

/** Delete diagnostics with `at` before `cutoff` through the store's `at` index; returns how many went. */
async function deleteDiagnosticsBefore(db: GuangjieDb, cutoff: number): Promise<number> {
  const tx = db.transaction('diagnostics', 'readwrite');
  let deleted = 0;
  for (let c = await tx.store.index('at').openCursor(IDBKeyRange.upperBound(cutoff, true)); c; c = await c.continue()) {
    await c.delete();
    deleted += 1;
  }
  await tx.done;
  return deleted;
}

export async function pruneExpired(db: GuangjieDb, retentionDays: number, now: number): Promise<{ touchpoints: number; diagnostics: number }> {
  const diagnostics = await deleteDiagnosticsBefore(db, now - DIAGNOSTICS_KEEP_DAYS * MS_PER_DAY);
  if (!(retentionDays > 0)) return { touchpoints: 0, diagnostics };
  const touchpoints = await deleteTouchpointsBefore(db, now - retentionDays * MS_PER_DAY);
  if (touchpoints > 0) await recomputeAggregates(db);
  return { touchpoints, diagnostics };
}

/** The part of browser.alarms used here (so tests can pass a fake). */
export interface AlarmsApi {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
}

/** Create a periodic alarm unless it exists: re-creating it on every worker start would keep postponing it. */
export async function ensureAlarm(alarms: AlarmsApi, name: string, info: { periodInMinutes: number; delayInMinutes: number }): Promise<void> {
  if (!(await alarms.get(name))) alarms.create(name, info);
}

/** The daily retention alarm. */
export const ensureRetentionAlarm = (alarms: AlarmsApi): Promise<void> =>
  ensureAlarm(alarms, RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MIN, delayInMinutes: 1 });
