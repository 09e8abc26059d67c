/**
 * Where the running aggregates live: `meta` rows `agg:total`, `agg:day:<YYYY-MM-DD>`, `agg:shop:<id>`, and the
 * `seen` store. Loading and saving take an open transaction, so the write path updates them atomically with
 * the touchpoints; `recomputeAggregates` rebuilds everything from the stored touchpoint chunks, a page at a time.
 */
import type { IDBPTransaction } from 'idb';
import type { Touchpoint } from '../model/touchpoint';
import {
  META_AGG_RANGE, META_AGG_REBUILD, META_AGG_TOP_SHOPS, META_AGG_TOTAL, metaAggDay, metaAggShop,
  type GuangjieDb, type GuangjieSchema, type SeenItem,
} from '../db/schema';
import { TOUCHPOINT_CHUNKS, firstPageCount, hasTouchpoints, nextPageCount } from '../db/touchpoint-chunks';
import { emptyAggState, emptyBucket, foldTouchpoint, rowsNeeded, type AggState, type Bucket, type ShopAgg } from './aggregates';

type AggTx = IDBPTransaction<GuangjieSchema, (typeof TOUCHPOINT_CHUNKS | 'seen' | 'meta')[], 'readwrite'>;

/** Aggregate rows as loaded, with the kept top-shops row when a shop row is among them (saved with it). */
export interface LoadedAggState extends AggState {
  topShops?: ShopAgg[];
}

/** Load the rows that folding `tps` will touch, in one round of requests. Missing rows start empty. */
export async function loadAggState(tx: AggTx, tps: Touchpoint[]): Promise<LoadedAggState> {
  const meta = tx.objectStore('meta');
  const state: LoadedAggState = emptyAggState();
  const needs = tps.map(rowsNeeded);
  const days = [...new Set(needs.map((n) => n.day))];
  const shops = [...new Set(needs.flatMap((n) => (n.shopId ? [n.shopId] : [])))];
  const seen = [...new Set(needs.flatMap((n) => (n.seen ? [n.seen] : [])))];
  const [total, dayRows, shopRows, seenRows, top] = await Promise.all([
    meta.get(META_AGG_TOTAL) as Promise<Bucket | undefined>,
    Promise.all(days.map((d) => meta.get(metaAggDay(d)) as Promise<Bucket | undefined>)),
    Promise.all(shops.map((s) => meta.get(metaAggShop(s)) as Promise<ShopAgg | undefined>)),
    Promise.all(seen.map((k) => tx.objectStore('seen').get(k))),
    shops.length ? (meta.get(META_AGG_TOP_SHOPS) as Promise<ShopAgg[] | undefined>) : undefined,
  ]);
  if (shops.length) state.topShops = top ?? [];
  state.total = total ?? emptyBucket();
  days.forEach((d, i) => state.days.set(d, dayRows[i] ?? emptyBucket()));
  shopRows.forEach((row) => row && state.shops.set(row.shopId, row));
  seenRows.forEach((row) => row && state.seen.set(row.key, row));
  return state;
}

/**
 * Shops kept in the top-shops row. More than the popup lists, so ties and a shop's later rise stay exact. Count.
 * Exact because a shop's count only grows between rebuilds (a rebuild clears the row and refolds from zero): a
 * shop can only enter the list on a change to its own row, and every changed row is merged in.
 */
export const TOP_SHOPS_KEPT = 50;

/** Shops with the most touchpoints first, ties by id: the kept row's order and the popup's. */
export const byTouchpoints = (a: ShopAgg, b: ShopAgg): number => b.touchpoints - a.touchpoints || a.shopId.localeCompare(b.shopId);

/** The kept top shops after `changed` rows: their new values replace their old entries. Pure. */
export function mergeTopShops(top: readonly ShopAgg[], changed: Iterable<ShopAgg>): ShopAgg[] {
  const byId = new Map(top.map((s) => [s.shopId, s]));
  for (const s of changed) byId.set(s.shopId, s);
  return [...byId.values()].sort(byTouchpoints).slice(0, TOP_SHOPS_KEPT);
}

/** The top-shops row after `changed`, from the row loaded with them (else read now: one more round trip). */
async function saveTopShops(tx: AggTx, changed: Map<string, ShopAgg>, loaded: ShopAgg[] | undefined): Promise<void> {
  if (!changed.size) return;
  const meta = tx.objectStore('meta');
  const top = loaded ?? ((await meta.get(META_AGG_TOP_SHOPS)) as ShopAgg[] | undefined) ?? [];
  await meta.put(mergeTopShops(top, changed.values()), META_AGG_TOP_SHOPS);
}

/** Write every row in `state` back (requests are queued on `tx`; the caller awaits `tx.done`). */
export function saveAggState(tx: AggTx, state: LoadedAggState): Promise<unknown> {
  const meta = tx.objectStore('meta');
  const seen = tx.objectStore('seen');
  return Promise.all([
    meta.put(state.total, META_AGG_TOTAL),
    ...[...state.days].map(([d, b]) => meta.put(b, metaAggDay(d))),
    ...[...state.shops.values()].map((s) => meta.put(s, metaAggShop(s.shopId))),
    saveTopShops(tx, state.shops, state.topShops),
    ...[...state.seen.values()].map((row) => seen.put(row)),
  ]);
}

/** Touchpoints folded per rebuild transaction, about: pages are whole chunks. Count. */
export const RECOMPUTE_PAGE_ROWS = 5000;

/**
 * While a rebuild runs, `meta[META_AGG_REBUILD]` holds the key of the last touchpoint chunk it folded (`after`;
 * null before the first page). The write path folds a new chunk's rows only when the rebuild has already passed
 * its key (`key <= after`); a chunk beyond that is left for the rebuild to fold, so every row is counted exactly
 * once while writes go on between pages. (Chunk keys start with the write time, so a new chunk is normally
 * beyond it.) Outside the `agg:` range, so clearing the
 * aggregates keeps it. A worker stopped mid-rebuild leaves it behind, and the next read resumes from it.
 */
export { META_AGG_REBUILD };
export interface RebuildMarker { after: string | null }

/** Whether the write path may fold chunk `key` now (no rebuild, or the rebuild already passed it). */
export const foldNow = (marker: RebuildMarker | undefined, key: string): boolean =>
  !marker || (marker.after !== null && key <= marker.after);

export interface RecomputeOptions {
  /** Rows per transaction, about: whole chunks are read (tests make it small). Count. */
  pageSize?: number;
  /** Continue a rebuild a stopped worker left (its marker) instead of starting over. */
  resume?: boolean;
  /** Hears each page's row count (tests check that memory holds one page). */
  onPage?: (rows: number) => void;
}

let rebuildQueue: Promise<unknown> = Promise.resolve();
let rebuilding: Promise<Bucket> | null = null;

/**
 * Rebuild all aggregates from the stored touchpoints with bounded memory: the chunks are paged by key in short
 * readwrite transactions of about `pageSize` rows; each page loads only the aggregate and `seen` rows it touches
 * (as the write path does), folds, and writes them back with the marker. Writes go on between pages (see
 * META_AGG_REBUILD). Rebuilds run one at a time, in call order. Resolves to the rebuilt total.
 */
export function recomputeAggregates(db: GuangjieDb, opts: RecomputeOptions = {}): Promise<Bucket> {
  const run = rebuildQueue.catch(() => undefined).then(() => rebuild(db, opts));
  rebuildQueue = run;
  rebuilding = run;
  void run.finally(() => { if (rebuilding === run) rebuilding = null; }).catch(() => undefined);
  return run;
}

async function rebuild(db: GuangjieDb, { pageSize = RECOMPUTE_PAGE_ROWS, resume = false, onPage }: RecomputeOptions): Promise<Bucket> {
  let after: string | null = null;
  const marker = resume ? ((await db.get('meta', META_AGG_REBUILD)) as RebuildMarker | undefined) : undefined;
  if (marker) after = marker.after;
  else {
    const tx = db.transaction(['seen', 'meta'], 'readwrite');
    await Promise.all([
      tx.objectStore('seen').clear(),
      tx.objectStore('meta').delete(IDBKeyRange.bound(...META_AGG_RANGE)),
      tx.objectStore('meta').put({ after: null } satisfies RebuildMarker, META_AGG_REBUILD),
    ]);
    await tx.done;
  }
  let count = firstPageCount(pageSize);
  for (;;) {
    const tx = db.transaction([TOUCHPOINT_CHUNKS, 'seen', 'meta'], 'readwrite', { durability: 'relaxed' });
    // One getAll per page (a cursor costs a request per chunk).
    const chunks = await tx.objectStore(TOUCHPOINT_CHUNKS).getAll(after === null ? undefined : IDBKeyRange.lowerBound(after, true), count);
    const page: Touchpoint[] = chunks.flatMap((c) => c.rows);
    onPage?.(page.length);
    const state = await loadAggState(tx, page);
    page.forEach((tp) => foldTouchpoint(state, tp));
    const last = chunks.length < count;
    if (chunks.length) {
      after = chunks[chunks.length - 1].key;
      count = nextPageCount(pageSize, page.length, chunks.length);
    }
    const meta = tx.objectStore('meta');
    await Promise.all([
      saveAggState(tx, state),
      last ? meta.delete(META_AGG_REBUILD) : meta.put({ after } satisfies RebuildMarker, META_AGG_REBUILD),
    ]);
    await tx.done;
    if (last) return state.total;
  }
}

/** The rows the popup's numbers come from, read in one transaction, as stored (missing rows undefined). */
export async function readAggregateRows(db: GuangjieDb, today: string) {
  const tx = db.transaction('meta');
  const [total, marker, day, top] = await Promise.all([
    tx.store.get(META_AGG_TOTAL) as Promise<Bucket | undefined>,
    tx.store.get(META_AGG_REBUILD) as Promise<RebuildMarker | undefined>,
    tx.store.get(metaAggDay(today)) as Promise<Bucket | undefined>,
    tx.store.get(META_AGG_TOP_SHOPS) as Promise<ShopAgg[] | undefined>,
  ]);
  return { total, marker, day, top };
}

/** Read the aggregates the popup needs. Rebuilds first if they are missing (after an upgrade) or half rebuilt. */
export async function readAggregates(db: GuangjieDb, today: string): Promise<{ total: Bucket; today: Bucket; shops: ShopAgg[] }> {
  if (rebuilding) await rebuilding.catch(() => undefined);
  let rows = await readAggregateRows(db, today);
  if (rows.marker || (!rows.total && (await hasTouchpoints(db)))) {
    await (rebuilding ?? recomputeAggregates(db, { resume: !!rows.marker }));
    rows = await readAggregateRows(db, today);
  }
  return { total: rows.total ?? emptyBucket(), today: rows.day ?? emptyBucket(), shops: rows.top ?? (await topShopsFromRows(db)) };
}

/** The top-shops row made from every shop row (a store whose aggregates predate the row), and kept. */
async function topShopsFromRows(db: GuangjieDb): Promise<ShopAgg[]> {
  const tx = db.transaction('meta', 'readwrite');
  const rows = (await tx.store.getAll(IDBKeyRange.bound(metaAggShop(''), metaAggShop('\uffff')))) as ShopAgg[];
  const top = mergeTopShops([], rows);
  if (rows.length) await tx.store.put(top, META_AGG_TOP_SHOPS);
  await tx.done;
  return top;
}

/** Everything in the aggregate rows, for comparing against a recompute in tests. */
export async function dumpAggregates(db: GuangjieDb): Promise<{ meta: Record<string, unknown>; seen: SeenItem[] }> {
  const tx = db.transaction(['meta', 'seen']);
  const range = IDBKeyRange.bound(...META_AGG_RANGE);
  const [keys, values, seen] = await Promise.all([
    tx.objectStore('meta').getAllKeys(range),
    tx.objectStore('meta').getAll(range),
    tx.objectStore('seen').getAll(),
  ]);
  return { meta: Object.fromEntries(keys.map((k, i) => [k, values[i]])), seen };
}
