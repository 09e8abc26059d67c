/**
 * Diagnostics: what went wrong while observing (a selector found nothing, JSON that did not parse, a rejected
 * message, a storage failure). Recent ones are kept in memory for the popup's "detection degraded" banner even
 * when nothing may be stored (no consent); they reach the database only while recording.
 */
import { DEFINITIONS_VERSION } from '../definitions-version';
import type { GuangjieDb, StoredDiagnostic } from '../db/schema';

/** A tab counts as degraded if it reported a missing selector within this many minutes. */
export const DEGRADED_WINDOW_MIN = 10;
const DEGRADED_WINDOW_MS = DEGRADED_WINDOW_MIN * 60 * 1000;
/** How many diagnostics the in-memory list keeps (oldest dropped first). Count. */
export const RECENT_DIAGNOSTICS_MAX = 100;

export type DiagnosticInput = Omit<StoredDiagnostic, 'id' | 'extVersion' | 'definitionsVersion' | 'recordedAt'>;

export class RecentDiagnostics {
  private list: DiagnosticInput[] = [];

  add(d: DiagnosticInput): void {
    this.list.push(d);
    if (this.list.length > RECENT_DIAGNOSTICS_MAX) this.list.splice(0, this.list.length - RECENT_DIAGNOSTICS_MAX);
  }

  /** The tab reported a missing selector within the window. */
  degraded(tabId: number, now: number): boolean {
    return this.list.some((d) => d.tabId === tabId && d.kind === 'selector-missing' && d.at >= now - DEGRADED_WINDOW_MS);
  }

  clear(): void {
    this.list = [];
  }
}

/** The database's view of the same question, for a worker that restarted since the diagnostic arrived. */
export async function degradedInDb(db: GuangjieDb, tabId: number, now: number): Promise<boolean> {
  const recent = await db.getAllFromIndex('diagnostics', 'at', IDBKeyRange.lowerBound(now - DEGRADED_WINDOW_MS), RECENT_DIAGNOSTICS_MAX);
  return recent.some((d) => d.tabId === tabId && d.kind === 'selector-missing');
}

export async function writeDiagnostic(db: GuangjieDb, d: DiagnosticInput, ctx: { extVersion: string; now: number }): Promise<void> {
  const row: StoredDiagnostic = { ...d, extVersion: ctx.extVersion, definitionsVersion: DEFINITIONS_VERSION, recordedAt: ctx.now };
  await db.add('diagnostics', row);
}
