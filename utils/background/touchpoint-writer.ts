/**
 * The touchpoint write path: one readwrite transaction per batch that assigns sessions, adds the new rows keyed
 * by their own id, skips ids already stored (a retried batch is a no-op), and folds the new rows into the running
 * aggregates. The caller acknowledges only after this resolves, i.e. after the transaction committed.
 */
import { DEFINITIONS_VERSION } from '../definitions-version';
import type { ClassifiedItem } from '../model/tags';
import type { Touchpoint } from '../model/touchpoint';
import { unwrap } from 'idb';
import { type GuangjieDb, type StoredItem, type StoredTouchpoint } from '../db/schema';
import { foldTouchpoint } from './aggregates';
import { META_AGG_REBUILD, foldNow, loadAggState, saveAggState, type RebuildMarker } from './aggregate-store';
import type { PlatformId } from '../model/item';
import { assignArrivalSessions, metaSessionKey, type SessionState } from './session';
import { addNew } from './add-new';

export interface WriteContext {
  extVersion: string;
  /** Epoch milliseconds; injectable for tests. */
  now: number;
}

/** Thrown when the browser refused the write for lack of space. Nothing of the batch was stored. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('storage full', { cause });
    this.name = 'StorageFullError';
  }
}

/** IndexedDB reports a full disk as QuotaExceededError on the request, or as the transaction's error. */
export function isQuotaError(e: unknown, tx?: IDBTransaction | { error: DOMException | null }): boolean {
  const name = (x: unknown) => (x && typeof x === 'object' && 'name' in x ? (x as { name: unknown }).name : undefined);
  return name(e) === 'QuotaExceededError' || name(tx?.error) === 'QuotaExceededError';
}

/** Wait for every request; throw a failure, preferring QuotaExceededError (the cause; the rest are then AbortErrors). */
async function settleAll(requests: Promise<unknown>[]): Promise<void> {
  const errors = (await Promise.allSettled(requests)).flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (errors.length) throw errors.find((e) => isQuotaError(e)) ?? errors[0];
}

/** Run `body` in `tx`; on any failure abort it (so a half-done batch never commits) and classify the error. */
async function inTransaction<T>(tx: { abort(): void; done: Promise<void>; error: DOMException | null }, body: () => Promise<T>): Promise<T> {
  // `done` rejects as soon as the transaction aborts, which can be while `body` is still awaiting its requests:
  // mark it handled now so the abort is reported once, below, and not also as an unhandled rejection.
  tx.done.catch(() => undefined);
  try {
    const out = await body();
    await tx.done;
    return out;
  } catch (e) {
    try { tx.abort(); } catch { /* already finished or aborted */ }
    await tx.done.catch(() => undefined);
    if (isQuotaError(e, tx)) throw new StorageFullError(e);
    throw e;
  }
}

/**
 * Store a validated batch; returns the ids now safely stored (new and already present).
 *
 * Three rounds in one transaction. (1) Read the open sessions, a running rebuild and every aggregate row the batch
 * could touch. (2) `add` every row, sessions assigned as if all were new: the database itself says which ids were
 * stored already (add-new.ts), so a new row costs one request, not a look-up and a put. (3) If some were, assign
 * the new ones' sessions again without them (rewriting any row whose session changed), fold only the new rows into
 * the aggregates, and write the sessions and aggregates back.
 */
export async function writeTouchpoints(db: GuangjieDb, batch: Touchpoint[], ctx: WriteContext): Promise<string[]> {
  const unique = [...new Map(batch.map((tp) => [tp.id, tp])).values()];
  if (unique.length === 0) return [];
  // Relaxed durability: the transaction still commits (its data is visible to every later transaction and
  // survives a worker or browser restart) before `tx.done` resolves, and only then do we acknowledge; it skips
  // the disk flush, so only an OS crash or power cut right after could lose the last batches (Chromium's default
  // for IndexedDB is relaxed already; saying so keeps it when that default changes).
  const tx = db.transaction(['touchpoints', 'seen', 'meta'], 'readwrite', { durability: 'relaxed' });
  await inTransaction(tx, async () => {
    const tps = tx.objectStore('touchpoints');
    const meta = tx.objectStore('meta');
    const platforms = [...new Set(unique.map((tp) => tp.platform))];
    const [sessions, rebuild, agg] = await Promise.all([
      Promise.all(platforms.map((p) => meta.get(metaSessionKey(p)) as Promise<SessionState | undefined>)),
      meta.get(META_AGG_REBUILD) as Promise<RebuildMarker | undefined>,
      loadAggState(tx, unique),
    ]);
    const stored = new Map<PlatformId, SessionState>();
    platforms.forEach((p, i) => sessions[i] && stored.set(p, sessions[i]));
    let open = copySessions(stored);
    const sessionIds = assignArrivalSessions(open, unique);
    const rows: StoredTouchpoint[] = unique.map((tp) => ({
      ...tp,
      sessionId: sessionIds.get(tp.id)!,
      // The sender's versions say what observed it; fill them in when the sender left them out.
      extVersion: tp.extVersion ?? ctx.extVersion,
      definitionsVersion: tp.definitionsVersion ?? DEFINITIONS_VERSION,
      recordedAt: ctx.now,
    }));
    const added = await addNew(unwrap(tps), rows);
    const fresh = rows.filter((_, i) => added[i]);
    if (fresh.length === 0) return;
    const rewrites: Promise<unknown>[] = [];
    if (fresh.length < rows.length) {
      // A retried batch: the rows already stored must not move the sessions of the new ones.
      open = copySessions(stored);
      const again = assignArrivalSessions(open, fresh);
      for (const row of fresh) {
        const id = again.get(row.id)!;
        if (id !== row.sessionId) rewrites.push(tps.put({ ...row, sessionId: id }));
      }
    }
    // During a rebuild, rows it has not reached yet are left for it to fold (aggregate-store.ts, META_AGG_REBUILD).
    fresh.forEach((row) => foldNow(rebuild, row.id) && foldTouchpoint(agg, row));
    await settleAll([
      ...rewrites,
      ...[...open].map(([p, st]) => meta.put(st, metaSessionKey(p))),
      saveAggState(tx, agg),
    ]);
  });
  return unique.map((tp) => tp.id);
}

/** Session states to assign with, leaving the ones read untouched (assignment updates them in place). */
const copySessions = (from: Map<PlatformId, SessionState>) => new Map([...from].map(([p, st]) => [p, { ...st }]));

export const itemKey = (item: Pick<ClassifiedItem, 'platform' | 'id'>) => `${item.platform}:${item.id}`;

/** Upsert the latest classification of each item, keeping when it was first seen. Returns how many were stored. */
export async function writeItems(db: GuangjieDb, items: ClassifiedItem[], ctx: WriteContext): Promise<number> {
  const latest = [...new Map(items.map((it) => [itemKey(it), it])).values()];
  if (latest.length === 0) return 0;
  const tx = db.transaction('items', 'readwrite');
  await inTransaction(tx, async () => {
    const old = await Promise.all(latest.map((it) => tx.store.get(itemKey(it))));
    const rows: StoredItem[] = latest.map((it, i) => ({
      ...it,
      key: itemKey(it),
      firstSeen: old[i]?.firstSeen ?? ctx.now,
      lastSeen: ctx.now,
      extVersion: ctx.extVersion,
      definitionsVersion: DEFINITIONS_VERSION,
      recordedAt: ctx.now,
    }));
    await settleAll(rows.map((row) => tx.store.put(row)));
  });
  return latest.length;
}
