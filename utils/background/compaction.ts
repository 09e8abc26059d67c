/**
 * Compaction: merge runs of small touchpoint chunks into chunks of up to CHUNK_MAX_ROWS rows.
 *
 * Why: a chunk is one written batch, and while someone browses the sender sends a batch every half second or so —
 * chunks of a few rows. Reading costs per record, so a day of one-row chunks reads as slowly as the one-record-per-
 * touchpoint store version 4 replaced. Compaction runs on an alarm (COMPACT_PERIOD_MIN) over chunks written at
 * least COMPACT_AFTER_MS ago (a sender's retry of a recent batch still meets the rows where it left them; either
 * way the write path finds the rows it holds already).
 *
 * Each page is one readwrite transaction: read up to COMPACT_PAGE_CHUNKS chunks after the last key compacted, delete
 * each run of consecutive small chunks and add their rows back as one chunk under the run's first key, and move the
 * `compact:after` mark. All or nothing per page: a worker stopped mid-page leaves the page as it was. Rows are
 * moved as stored, in the same key order. Skipped while an aggregate rebuild stands: it pages by chunk key, and a
 * merged chunk would move rows it has not reached behind its mark.
 */
import { META_AGG_REBUILD, type GuangjieDb, type StoredTouchpoint } from '../db/schema';
import { ensureAlarm, type AlarmsApi } from './retention';
import { CHUNK_MAX_ROWS, TOUCHPOINT_CHUNKS, forgetChunks, makeChunk } from '../db/touchpoint-chunks';

/** Chunks with fewer rows than this are merged. Count. */
export const COMPACT_BELOW_ROWS = 100;
/** Only chunks written at least this long ago. Milliseconds. */
export const COMPACT_AFTER_MS = 10 * 60_000;
/** Chunks read per compaction transaction. Count. */
export const COMPACT_PAGE_CHUNKS = 2_000;
export const COMPACT_ALARM = 'guangjie:compact';
/** How often compaction runs. Minutes. */
export const COMPACT_PERIOD_MIN = 60;
/** The last chunk key compaction has passed (meta row). */
export const META_COMPACT_AFTER = 'compact:after';

/** A chunk as compaction first sees it: its key and row count, read off the `n` index (no rows). */
export interface ChunkSize {
  key: string;
  n: number;
}

/** Runs of consecutive small chunks (two or more) whose rows fit one chunk, in key order. Pure. */
export function mergeRuns(chunks: readonly ChunkSize[], below = COMPACT_BELOW_ROWS, max = CHUNK_MAX_ROWS): ChunkSize[][] {
  const runs: ChunkSize[][] = [];
  let run: ChunkSize[] = [];
  let rows = 0;
  const close = () => {
    if (run.length > 1) runs.push(run);
    run = [];
    rows = 0;
  };
  for (const c of chunks) {
    if (c.n >= below) {
      close();
      continue;
    }
    if (rows + c.n > max) close();
    run.push(c);
    rows += c.n;
  }
  close();
  return runs;
}

/**
 * Compact the chunks written before `now - COMPACT_AFTER_MS`. Returns how many chunks went and how many were made.
 * Only small chunks are read: a page's keys come from the store (keys only) and the small ones' sizes from the `n`
 * index, so a store of full chunks (a long-used one, or a migrated one) costs a walk of keys, not of rows.
 */
export async function compactChunks(db: GuangjieDb, now: number, pageChunks = COMPACT_PAGE_CHUNKS): Promise<{ merged: number; made: number }> {
  const before = String(Math.max(0, Math.floor(now - COMPACT_AFTER_MS))).padStart(13, '0');
  let merged = 0;
  let made = 0;
  forgetChunks(); // a merged chunk takes its first member's key
  for (;;) {
    const tx = db.transaction([TOUCHPOINT_CHUNKS, 'meta'], 'readwrite', { durability: 'relaxed' });
    const meta = tx.objectStore('meta');
    const store = tx.objectStore(TOUCHPOINT_CHUNKS);
    const [rebuild, after] = await Promise.all([meta.get(META_AGG_REBUILD), meta.get(META_COMPACT_AFTER) as Promise<string | undefined>]);
    if (rebuild || (after !== undefined && after >= before)) {
      await tx.done;
      return { merged, made };
    }
    const range = after === undefined ? IDBKeyRange.upperBound(before, true) : IDBKeyRange.bound(after, before, true, true);
    const keys = await store.getAllKeys(range, pageChunks);
    const small = new Map<string, number>();
    if (keys.length) {
      const inPage = IDBKeyRange.bound(keys[0], keys[keys.length - 1]);
      for (let c = await store.index('n').openKeyCursor(IDBKeyRange.upperBound(COMPACT_BELOW_ROWS, true)); c; c = await c.continue()) {
        if (inPage.includes(c.primaryKey)) small.set(c.primaryKey, c.key);
      }
    }
    const runs = mergeRuns(keys.map((key) => ({ key, n: small.get(key) ?? COMPACT_BELOW_ROWS })));
    const writes: Promise<unknown>[] = [];
    for (const run of runs) {
      const chunks = await Promise.all(run.map((c) => store.get(c.key)));
      const rows: StoredTouchpoint[] = chunks.flatMap((c) => c?.rows ?? []);
      for (const c of run) writes.push(store.delete(c.key));
      writes.push(store.add(makeChunk(run[0].key, rows)));
      merged += run.length;
      made += 1;
    }
    // A short page is the last: mark the whole range up to `before` as passed.
    const done = keys.length < pageChunks;
    writes.push(meta.put(done ? before : keys[keys.length - 1], META_COMPACT_AFTER));
    await Promise.all(writes);
    await tx.done;
    if (done) return { merged, made };
  }
}

/** The hourly compaction alarm. */
export const ensureCompactAlarm = (alarms: AlarmsApi): Promise<void> =>
  ensureAlarm(alarms, COMPACT_ALARM, { periodInMinutes: COMPACT_PERIOD_MIN, delayInMinutes: 5 });
