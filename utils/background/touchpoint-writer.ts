/**
 * The touchpoint write path: one readwrite transaction per batch that assigns sessions, adds the new rows as one
 * chunk (utils/db/touchpoint-chunks.ts), skips ids already stored (a retried batch is a no-op), and folds the new
 * rows into the running aggregates. The caller acknowledges only after this resolves, i.e. after the transaction
 * committed.
 */
import { DEFINITIONS_VERSION } from '../definitions-version';
import type { ClassifiedItem } from '../model/tags';
import type { Touchpoint } from '../model/touchpoint';
import { type GuangjieDb, type StoredItem, type StoredTouchpoint } from '../db/schema';
import { TOUCHPOINT_CHUNKS, makeChunk, newChunkKey, rememberChunk, storedAmong } from '../db/touchpoint-chunks';
import { foldTouchpoint } from './aggregates';
import { META_AGG_REBUILD, foldNow, loadAggState, saveAggState, type RebuildMarker } from './aggregate-store';
import type { PlatformId } from '../model/item';
import { assignArrivalSessions, metaSessionKey, type SessionState } from './session';

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
 * Two rounds of requests in one transaction: (1) read the open sessions, a running rebuild, every aggregate row
 * the batch could touch, and which of its ids are stored already (`storedAmong`: a retried batch); (2) add the new
 * rows as one chunk (sessions assigned without the stored ones, provenance filled in) together with the updated
 * sessions and aggregates. The stored rows are left exactly as they are.
 */
export async function writeTouchpoints(db: GuangjieDb, batch: Touchpoint[], ctx: WriteContext): Promise<string[]> {
  const unique = [...new Map(batch.map((tp) => [tp.id, tp])).values()];
  if (unique.length === 0) return [];
  // Relaxed durability: the transaction still commits (its data is visible to every later transaction and
  // survives a worker or browser restart) before `tx.done` resolves, and only then do we acknowledge; it skips
  // the disk flush, so only an OS crash or power cut right after could lose the last batches (Chromium's default
  // for IndexedDB is relaxed already; saying so keeps it when that default changes).
  const tx = db.transaction([TOUCHPOINT_CHUNKS, 'seen', 'meta'], 'readwrite', { durability: 'relaxed' });
  const written = await inTransaction(tx, async () => {
    const chunks = tx.objectStore(TOUCHPOINT_CHUNKS);
    const meta = tx.objectStore('meta');
    const platforms = [...new Set(unique.map((tp) => tp.platform))];
    // The aggregate rows of the whole batch: a superset of what its new rows touch (rows left unchanged are
    // written back as they were).
    const [sessions, rebuild, present, agg] = await Promise.all([
      Promise.all(platforms.map((p) => meta.get(metaSessionKey(p)) as Promise<SessionState | undefined>)),
      meta.get(META_AGG_REBUILD) as Promise<RebuildMarker | undefined>,
      storedAmong(chunks, unique),
      loadAggState(tx, unique),
    ]);
    const fresh = present.size ? unique.filter((tp) => !present.has(tp.id)) : unique;
    if (fresh.length === 0) return undefined;
    const open = new Map<PlatformId, SessionState>();
    platforms.forEach((p, i) => sessions[i] && open.set(p, { ...sessions[i] }));
    const sessionIds = assignArrivalSessions(open, fresh);
    const rows: StoredTouchpoint[] = fresh.map((tp) => ({
      ...tp,
      sessionId: sessionIds.get(tp.id)!,
      // The sender's versions say what observed it; fill them in when the sender left them out.
      extVersion: tp.extVersion ?? ctx.extVersion,
      definitionsVersion: tp.definitionsVersion ?? DEFINITIONS_VERSION,
      recordedAt: ctx.now,
    }));
    const chunk = makeChunk(newChunkKey(ctx.now), rows);
    // During a rebuild, chunks it has not reached yet are left for it to fold (aggregate-store.ts, META_AGG_REBUILD).
    if (foldNow(rebuild, chunk.key)) rows.forEach((row) => foldTouchpoint(agg, row));
    await settleAll([
      chunks.add(chunk),
      ...[...open].map(([p, st]) => meta.put(st, metaSessionKey(p))),
      saveAggState(tx, agg),
    ]);
    return chunk;
  });
  if (written) rememberChunk(written); // committed: later look-ups need not read it
  return unique.map((tp) => tp.id);
}

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
