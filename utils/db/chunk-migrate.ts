/**
 * Schema version 4's step (utils/db/schema.ts): move every row of the per-row touchpoints store of versions 1–3
 * into chunks, in time order, inside the upgrade's own transaction, then drop the old store. Raw IndexedDB requests
 * chained by callbacks: an upgrade transaction stays alive only while requests are pending.
 *
 * Rows are read through the old store's `at` index a page at a time; rows sharing one `at` can straddle two pages,
 * so the next page starts AT the last time read and skips the ids already taken at that time (nothing lost or
 * repeated). Each row is moved as stored. A chunk's key carries the latest `recordedAt` of its rows.
 */
import { CHUNK_MAX_ROWS, makeChunk, newChunkKey } from './touchpoint-chunks';
import type { StoredTouchpoint } from './schema';

/** Old rows read per request. Count. */
const MIGRATE_PAGE_ROWS = 5_000;

export function migrateRowsToChunks(tx: IDBTransaction, from: string, to: string, done: () => void): void {
  const source = tx.objectStore(from);
  const target = tx.objectStore(to);
  let lower: number | undefined;
  let takenAtLower = new Set<string>();
  let pending: StoredTouchpoint[] = [];
  const flush = (all: boolean) => {
    while (pending.length >= CHUNK_MAX_ROWS || (all && pending.length)) {
      const rows = pending.splice(0, CHUNK_MAX_ROWS);
      const recordedAt = rows.reduce((m, r) => Math.max(m, Number(r.recordedAt) || 0), 0);
      target.add(makeChunk(newChunkKey(recordedAt), rows));
    }
  };
  const next = () => {
    const want = MIGRATE_PAGE_ROWS + takenAtLower.size;
    const request = source.index('at').getAll(lower === undefined ? undefined : IDBKeyRange.lowerBound(lower), want);
    request.onsuccess = () => {
      const rows = request.result as StoredTouchpoint[];
      for (const r of rows) if (!(r.at === lower && takenAtLower.has(r.id))) pending.push(r);
      flush(false);
      if (rows.length < want) {
        flush(true);
        done();
        return;
      }
      const lastAt = rows[rows.length - 1].at;
      const atLast = rows.filter((r) => r.at === lastAt).map((r) => r.id);
      takenAtLower = lastAt === lower ? new Set([...takenAtLower, ...atLast]) : new Set(atLast);
      lower = lastAt;
      next();
    };
  };
  next();
}
