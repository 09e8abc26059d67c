/**
 * Touchpoints are stored a chunk at a time: one `touchpointChunks` record holds the rows of one written batch.
 * Why: in Chromium each IndexedDB record costs a fixed ~130 µs of backend work, so one record per touchpoint capped
 * storing at 4,000–6,000 a second on the bench machine, while chunks of 100 rows stored over 100,000 a second and
 * read back about three times faster (docs/PERFORMANCE.md, "Ingest, schema version 4").
 *
 * A chunk's key starts with the time it was written (`recordedAt`, 13 digits), so key order is write order: a
 * rebuild walking the keys meets new chunks last (utils/background/aggregate-store.ts).
 *
 * No touchpoint is stored twice, without an index entry per touchpoint (a unique multiEntry index on the ids cost
 * about two thirds of a chunk's write): a touchpoint stored already, with time `at`, lies in a chunk whose
 * [atMin, atMax] holds `at`, so `storedAmong` looks for a batch's ids only in the chunks whose `atMax` is not
 * before the batch's earliest time — found through the atMax index, in a burst the last chunk or two — and keeps
 * the ids of the chunks this context wrote recently in memory, so it rarely reads one. (A batch holding a very old
 * time makes it look through every chunk since: slow, still exact.)
 *
 * Reading and writing chunks goes through this module; besides it only the write path
 * (utils/background/touchpoint-writer.ts), the aggregate rebuild, compaction (utils/background/compaction.ts) and
 * the version-4 migration (./chunk-migrate.ts) open the store.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { GuangjieDb, GuangjieSchema, StoredTouchpoint } from './schema';

export const TOUCHPOINT_CHUNKS = 'touchpointChunks' as const;
/**
 * Most rows in a chunk that compaction or the version-4 migration builds. Count. (A written batch is one chunk of
 * up to LIMITS.batchTouchpoints rows: a burst's backlog arrives in batches of 2,000.)
 */
export const CHUNK_MAX_ROWS = 500;

export interface TouchpointChunk {
  key: string;
  /** Earliest and latest `at` of the rows, epoch ms. */
  atMin: number;
  atMax: number;
  /** How many rows (indexed: counting touchpoints reads only the index). */
  n: number;
  rows: StoredTouchpoint[];
}

let sequence = 0;
/** A tag per worker start, so two contexts writing in the same millisecond never make the same key. */
const origin = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');

/** A new chunk key: write time first (key order is write order), then a per-context sequence. */
export function newChunkKey(recordedAt: number): string {
  sequence = (sequence + 1) % 36 ** 6;
  return `${String(Math.max(0, Math.floor(recordedAt))).padStart(13, '0')}-${origin}${sequence.toString(36).padStart(6, '0')}`;
}

/** The earliest and latest `at` among `rows` (Infinity, -Infinity for none). */
function timeSpan(rows: ReadonlyArray<{ at: number }>): { atMin: number; atMax: number } {
  let atMin = Infinity;
  let atMax = -Infinity;
  for (const r of rows) {
    if (r.at < atMin) atMin = r.at;
    if (r.at > atMax) atMax = r.at;
  }
  return { atMin, atMax };
}

export function makeChunk(key: string, rows: StoredTouchpoint[]): TouchpointChunk {
  return { key, ...timeSpan(rows), n: rows.length, rows };
}

/** Store rows as they are, in chunks of up to `size` (no sessions, no aggregates, no look-up of ids stored already): tests. */
export async function putTouchpointRows(db: GuangjieDb, rows: StoredTouchpoint[], size = CHUNK_MAX_ROWS): Promise<void> {
  const tx = db.transaction(TOUCHPOINT_CHUNKS, 'readwrite');
  const adds: Promise<unknown>[] = [];
  for (let i = 0; i < rows.length; i += size) adds.push(tx.store.add(makeChunk(newChunkKey(Date.now()), rows.slice(i, i + size))));
  await Promise.all([...adds, tx.done]);
}

/** How many touchpoints are stored: the chunks' row counts, read off the `n` index (no chunk is read). */
export async function countTouchpoints(db: GuangjieDb): Promise<number> {
  let total = 0;
  const tx = db.transaction(TOUCHPOINT_CHUNKS);
  for (let c = await tx.store.index('n').openKeyCursor(); c; c = await c.continue()) total += c.key;
  return total;
}

/** Whether any touchpoint is stored (a chunk is never empty). */
export const hasTouchpoints = async (db: GuangjieDb): Promise<boolean> => (await db.count(TOUCHPOINT_CHUNKS)) > 0;

/** One stored touchpoint by id, or undefined. Reads every chunk: tests and tools only. */
export async function getTouchpoint(db: GuangjieDb, id: string): Promise<StoredTouchpoint | undefined> {
  for (const chunk of await db.getAll(TOUCHPOINT_CHUNKS)) {
    const row = chunk.rows.find((r) => r.id === id);
    if (row) return row;
  }
  return undefined;
}

/** What `storedAmong` keeps of a chunk. */
interface ChunkIds {
  atMin: number;
  atMax: number;
  ids: ReadonlySet<string>;
}
/** Chunks whose ids are kept in memory (the last ones this context wrote or read for a look-up). Count. */
export const CHUNK_IDS_KEPT = 64;
const chunkIds = new Map<string, ChunkIds>();

/** Keep a chunk's ids for later look-ups (after its transaction committed). */
export function rememberChunk(chunk: Pick<TouchpointChunk, 'key' | 'atMin' | 'atMax' | 'rows'>): void {
  chunkIds.delete(chunk.key);
  chunkIds.set(chunk.key, { atMin: chunk.atMin, atMax: chunk.atMax, ids: new Set(chunk.rows.map((r) => r.id)) });
  if (chunkIds.size > CHUNK_IDS_KEPT) chunkIds.delete(chunkIds.keys().next().value!);
}

/** Forget every kept chunk: compaction and retention rewrite chunks under their old keys. */
export function forgetChunks(): void {
  chunkIds.clear();
}

/** The chunk store as a transaction holds it (read or write). */
type ChunkStore = Pick<IDBPObjectStore<GuangjieSchema, ArrayLike<StoreNames<GuangjieSchema>>, typeof TOUCHPOINT_CHUNKS, IDBTransactionMode>, 'get' | 'index'>;

/**
 * The ids among `batch` that are stored already, looked up in `store` (inside the caller's transaction, so the
 * answer holds until it commits): only chunks whose time range can hold one of the batch's times are looked at,
 * and of those only the ones not kept in memory are read.
 */
export async function storedAmong(store: ChunkStore, batch: ReadonlyArray<{ id: string; at: number }>): Promise<Set<string>> {
  const present = new Set<string>();
  if (batch.length === 0) return present;
  const { atMin: tMin, atMax: tMax } = timeSpan(batch);
  const keys = await store.index('atMax').getAllKeys(IDBKeyRange.lowerBound(tMin));
  const candidates = await Promise.all(keys.map(async (key): Promise<ChunkIds | undefined> => {
    const kept = chunkIds.get(key);
    if (kept) return kept;
    const chunk = await store.get(key);
    if (!chunk) return undefined;
    rememberChunk(chunk);
    return chunkIds.get(key);
  }));
  for (const c of candidates) {
    if (!c || c.atMin > tMax) continue;
    for (const tp of batch) if (c.ids.has(tp.id)) present.add(tp.id);
  }
  return present;
}

/** Every stored touchpoint in chunk (write) order. Small stores only: tests, tools. */
export async function allTouchpoints(db: GuangjieDb): Promise<StoredTouchpoint[]> {
  return (await db.getAll(TOUCHPOINT_CHUNKS)).flatMap((c) => c.rows);
}

/** Rows aimed for per page read. Count. Reading 1,000,000 touchpoints as 500-row chunks: see rows.ts. */
export const TOUCHPOINT_PAGE_ROWS = 10_000;

export interface ChunkPage {
  rows: StoredTouchpoint[];
  /** The last chunk key read (undefined: nothing read). */
  last?: string;
  /** Whether chunks may follow. */
  more: boolean;
  /** Chunks to ask for next, so the next page holds about the rows wanted. */
  nextCount: number;
}

/**
 * Up to `count` chunks after key `after`, in their own read transaction, as rows. `count` adapts to the chunks met:
 * a store of small chunks (a browsing day's one-second batches, before compaction) and one of full chunks both
 * come back in pages of about `wantRows`.
 */
export async function readChunkPage(db: GuangjieDb, after: string | undefined, count: number, wantRows = TOUCHPOINT_PAGE_ROWS): Promise<ChunkPage> {
  const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
  const chunks = await db.getAll(TOUCHPOINT_CHUNKS, range, count);
  const rows = chunks.length === 1 ? chunks[0].rows : chunks.flatMap((c) => c.rows);
  return { rows, last: chunks.at(-1)?.key, more: chunks.length === count, nextCount: nextPageCount(wantRows, rows.length, chunks.length) };
}

/** Chunks asked for by a first page read: assumes full chunks. Count. */
export const firstPageCount = (wantRows: number): number => Math.max(1, Math.ceil(wantRows / CHUNK_MAX_ROWS));

/** Chunks to ask for next so a page holds about `wantRows`, from the rows and chunks the last read met. Count. */
export function nextPageCount(wantRows: number, rowsRead: number, chunksRead: number): number {
  const perChunk = chunksRead ? Math.max(1, rowsRead / chunksRead) : CHUNK_MAX_ROWS;
  return Math.max(1, Math.round(wantRows / perChunk));
}

/**
 * Keys of the chunks that may hold a touchpoint with `at` in [from, to] (or [from, to) when `toOpen`): their latest
 * time is not before `from` and their earliest not after `to`. Key order (write order).
 */
async function chunkKeysOverlapping(db: GuangjieDb, from: number, to: number, toOpen: boolean): Promise<string[]> {
  const tx = db.transaction(TOUCHPOINT_CHUNKS);
  const [endsAfter, startsBefore] = await Promise.all([
    tx.store.index('atMax').getAllKeys(IDBKeyRange.lowerBound(from)),
    tx.store.index('atMin').getAllKeys(IDBKeyRange.upperBound(to, toOpen)),
  ]);
  const before = new Set(startsBefore);
  return endsAfter.filter((k) => before.has(k)).sort();
}

/** Chunks read per transaction by time-range reads. Count. */
export const RANGE_PAGE_CHUNKS = 20;

/**
 * The touchpoints with `at` in [from, to] (to excluded when `toOpen`), a page at a time, each page read in its own
 * transaction (a caller may await between pages). Rows in write order, not time order.
 */
export async function* touchpointPagesByTime(db: GuangjieDb, from: number, to: number, toOpen = false, pageChunks = RANGE_PAGE_CHUNKS): AsyncGenerator<StoredTouchpoint[]> {
  if (from > to || (toOpen && from === to)) return;
  const keys = await chunkKeysOverlapping(db, from, to, toOpen);
  const inRange = (r: StoredTouchpoint) => r.at >= from && (toOpen ? r.at < to : r.at <= to);
  for (let i = 0; i < keys.length; i += pageChunks) {
    const tx = db.transaction(TOUCHPOINT_CHUNKS);
    const chunks = await Promise.all(keys.slice(i, i + pageChunks).map((k) => tx.store.get(k)));
    const page: StoredTouchpoint[] = [];
    for (const c of chunks) if (c) for (const r of c.rows) if (inRange(r)) page.push(r);
    if (page.length) yield page;
  }
}

/**
 * Delete the touchpoints with `at` before `cutoff`: chunks wholly before it go, chunks straddling it are rewritten
 * without those rows. One transaction. Returns how many touchpoints went.
 */
export async function deleteTouchpointsBefore(db: GuangjieDb, cutoff: number): Promise<number> {
  forgetChunks();
  const tx = db.transaction(TOUCHPOINT_CHUNKS, 'readwrite');
  let deleted = 0;
  for (let c = await tx.store.index('atMin').openCursor(IDBKeyRange.upperBound(cutoff, true)); c; c = await c.continue()) {
    const chunk = c.value;
    const kept = chunk.rows.filter((r) => r.at >= cutoff);
    deleted += chunk.rows.length - kept.length;
    await (kept.length ? c.update(makeChunk(chunk.key, kept)) : c.delete());
  }
  await tx.done;
  return deleted;
}
