/**
 * Where the running aggregates live: `meta` rows `agg:total`, `agg:day:<YYYY-MM-DD>`, `agg:shop:<id>`, and the
 * `seen` store. Loading and saving take an open transaction, so the write path updates them atomically with
 * the touchpoints; `recomputeAggregates` rebuilds everything from the touchpoints table.
 */
import type { IDBPTransaction } from 'idb';
import type { Touchpoint } from '../model/touchpoint';
import {
  META_AGG_RANGE, META_AGG_TOTAL, metaAggDay, metaAggShop,
  type GuangjieDb, type GuangjieSchema, type SeenItem,
} from '../db/schema';
import { emptyAggState, emptyBucket, foldTouchpoint, rowsNeeded, type AggState, type Bucket, type ShopAgg } from './aggregates';

type AggTx = IDBPTransaction<GuangjieSchema, ('touchpoints' | 'seen' | 'meta')[], 'readwrite'>;

/** Load the rows that folding `tps` will touch. Missing rows start empty. */
export async function loadAggState(tx: AggTx, tps: Touchpoint[]): Promise<AggState> {
  const meta = tx.objectStore('meta');
  const state = emptyAggState();
  const needs = tps.map(rowsNeeded);
  const days = [...new Set(needs.map((n) => n.day))];
  const shops = [...new Set(needs.flatMap((n) => (n.shopId ? [n.shopId] : [])))];
  const seen = [...new Set(needs.flatMap((n) => (n.seen ? [n.seen] : [])))];
  const [total, dayRows, shopRows, seenRows] = await Promise.all([
    meta.get(META_AGG_TOTAL) as Promise<Bucket | undefined>,
    Promise.all(days.map((d) => meta.get(metaAggDay(d)) as Promise<Bucket | undefined>)),
    Promise.all(shops.map((s) => meta.get(metaAggShop(s)) as Promise<ShopAgg | undefined>)),
    Promise.all(seen.map((k) => tx.objectStore('seen').get(k))),
  ]);
  state.total = total ?? emptyBucket();
  days.forEach((d, i) => state.days.set(d, dayRows[i] ?? emptyBucket()));
  shopRows.forEach((row) => row && state.shops.set(row.shopId, row));
  seenRows.forEach((row) => row && state.seen.set(row.key, row));
  return state;
}

/** Write every row in `state` back (requests are queued on `tx`; the caller awaits `tx.done`). */
export function saveAggState(tx: AggTx, state: AggState): Promise<unknown> {
  const meta = tx.objectStore('meta');
  const seen = tx.objectStore('seen');
  return Promise.all([
    meta.put(state.total, META_AGG_TOTAL),
    ...[...state.days].map(([d, b]) => meta.put(b, metaAggDay(d))),
    ...[...state.shops.values()].map((s) => meta.put(s, metaAggShop(s.shopId))),
    ...[...state.seen.values()].map((row) => seen.put(row)),
  ]);
}

/** Rebuild all aggregates from the touchpoints table, in one transaction (writes wait meanwhile). */
export async function recomputeAggregates(db: GuangjieDb): Promise<AggState> {
  const tx = db.transaction(['touchpoints', 'seen', 'meta'], 'readwrite');
  const state = emptyAggState();
  for (let c = await tx.objectStore('touchpoints').index('at').openCursor(); c; c = await c.continue()) {
    foldTouchpoint(state, c.value);
  }
  await Promise.all([tx.objectStore('seen').clear(), tx.objectStore('meta').delete(IDBKeyRange.bound(...META_AGG_RANGE))]);
  await saveAggState(tx, state);
  await tx.done;
  return state;
}

/** Read the aggregates the popup needs. Recomputes once if they are missing (after an upgrade). */
export async function readAggregates(db: GuangjieDb, today: string): Promise<{ total: Bucket; today: Bucket; shops: ShopAgg[] }> {
  let total = (await db.get('meta', META_AGG_TOTAL)) as Bucket | undefined;
  if (!total && (await db.count('touchpoints')) > 0) total = (await recomputeAggregates(db)).total;
  const tx = db.transaction('meta');
  const [day, shops] = await Promise.all([
    tx.store.get(metaAggDay(today)) as Promise<Bucket | undefined>,
    tx.store.getAll(IDBKeyRange.bound(metaAggShop(''), metaAggShop('\uffff'))) as Promise<ShopAgg[]>,
  ]);
  return { total: total ?? emptyBucket(), today: day ?? emptyBucket(), shops };
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
