/**
 * The one database schema. Nothing outside this file calls `openDB`.
 *
 * Versions (one upgrade step each; a step never rewrites a stored row):
 *  1. touchpoints (keyPath id; indexes at, type), items (keyPath key = `${platform}:${id}`), meta.
 *  2. touchpoints gain the sessionId and itemId indexes; diagnostics store (auto key; index at);
 *     seen store (one row per item with an impression, for running "items seen" counts). The running
 *     aggregates in meta are dropped so the stats code rebuilds them from the touchpoints kept.
 *  3. touchpoints drop the type, sessionId and itemId indexes: nothing reads through them (the dashboard, retention
 *     and exports read by `at` or by key), and each index is one more backend write per stored touchpoint — with
 *     four indexes a row cost twice what it costs with one (docs/PERFORMANCE.md, Ingest).
 *  4. touchpoints are kept in chunks: the touchpointChunks store holds one record per written batch
 *     (utils/db/touchpoint-chunks.ts), because in Chromium every IndexedDB record costs a fixed ~130 µs of backend
 *     work however small it is: one record per touchpoint capped storing at 4,000–6,000 a second, while chunks of
 *     100 stored over 100,000 a second on an idle machine (docs/PERFORMANCE.md, "Ingest, schema version 4"). No
 *     index has an entry per touchpoint (a unique multiEntry index on the ids cost about two thirds of a chunk's
 *     write); a batch's ids are looked up in the chunks its times could be in (touchpoint-chunks.ts). The step moves every row of the old touchpoints store into chunks of
 *     CHUNK_MAX_ROWS in time order, in the upgrade's own transaction (all or nothing: a browser closed midway
 *     leaves version 3 intact), then deletes the old store. The only step that rewrites stored rows; each row is
 *     moved as it is.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Diagnostic } from '../messages';
import type { PlatformId, Surface } from '../model/item';
import type { ClassifiedItem, TagId } from '../model/tags';
import type { Touchpoint } from '../model/touchpoint';
import type { TouchpointChunk } from './touchpoint-chunks';
import { migrateRowsToChunks } from './chunk-migrate';

export const DB_NAME = 'guangjie';
export const DB_VERSION = 4;

/** Where and when a stored row came from. */
export interface Provenance {
  extVersion: string;
  definitionsVersion: number;
  /** When the background worker stored it, epoch milliseconds. */
  recordedAt: number;
}

export type StoredTouchpoint = Touchpoint & Provenance & { sessionId: string };

/** Latest classification of one item, plus when it was first and last sent to us (epoch ms). */
export type StoredItem = ClassifiedItem & Provenance & { key: string; firstSeen: number; lastSeen: number };

export type StoredDiagnostic = Omit<Diagnostic, 'platform' | 'surface'> &
  Provenance & { id?: number; platform?: PlatformId; surface?: Surface; tabId?: number };

/**
 * One item that had at least one impression, with the counted tags its impressions carried, all-time and per
 * local day (YYYY-MM-DD). Keeping every day (not just the last) makes the counts independent of arrival order.
 */
export interface SeenItem {
  key: string;
  firstAt: number;
  lastAt: number;
  tags: TagId[];
  days: Record<string, TagId[]>;
}

export interface GuangjieSchema extends DBSchema {
  /**
   * Touchpoints, a chunk of them per record (utils/db/touchpoint-chunks.ts). Indexes: atMin and atMax (the
   * earliest and latest `at` in the chunk: time ranges, retention, and finding ids stored already) and n (the
   * chunk's row count: counting touchpoints without reading them).
   */
  touchpointChunks: {
    key: string;
    value: TouchpointChunk;
    indexes: { atMin: number; atMax: number; n: number };
  };
  items: { key: string; value: StoredItem; indexes: { lastSeen: number } };
  diagnostics: { key: number; value: StoredDiagnostic; indexes: { at: number } };
  seen: { key: string; value: SeenItem };
  /** Small named records: the current session, running aggregates. Out-of-line string keys. */
  meta: { key: string; value: unknown };
}

export type GuangjieDb = IDBPDatabase<GuangjieSchema>;
type UpgradeTx = IDBPTransaction<GuangjieSchema, StoreNames<GuangjieSchema>[], 'versionchange'>;

/** Meta keys, named once. Aggregates are split per day and per shop so a write touches only a few small rows. */
/** Open sessions are kept under `session:<platform>` (utils/background/session.ts). */
export const META_AGG_TOTAL = 'agg:total';
/**
 * Marks an aggregate rebuild in progress: `{ after }` is the last touchpoint id folded (null: none yet). While it
 * stands, the write path folds only rows the rebuild has passed (utils/background/aggregate-store.ts).
 */
export const META_AGG_REBUILD = 'rebuild:agg';
export const metaAggDay = (day: string) => `agg:day:${day}`;
export const metaAggShop = (shopId: string) => `agg:shop:${shopId}`;
/** The shops with the most touchpoints (ShopAgg[], most first), kept as shop rows change so the popup never reads every shop row. */
export const META_AGG_TOP_SHOPS = 'agg:top-shops';
/** All aggregate keys sort between these two. */
export const META_AGG_RANGE = ['agg:', 'agg:\uffff'] as const;

/** Indexes earlier versions made and version 3 dropped: not in the typed schema any more. */
const DROPPED_TOUCHPOINT_INDEXES = ['type', 'sessionId', 'itemId'] as const;
/** The per-row store of versions 1–3, moved into chunks by version 4: not in the typed schema any more. */
const OLD_TOUCHPOINTS = 'touchpoints';
type AnyIndexes = { createIndex(name: string, keyPath: string): unknown; deleteIndex(name: string): void; indexNames: DOMStringList };
type AnyStores = { createObjectStore(name: string, opts: IDBObjectStoreParameters): AnyIndexes };
const oldTouchpoints = (tx: UpgradeTx) => (tx as unknown as { objectStore(name: string): AnyIndexes }).objectStore(OLD_TOUCHPOINTS);

export function upgrade(db: GuangjieDb, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    const tps = (db as unknown as AnyStores).createObjectStore(OLD_TOUCHPOINTS, { keyPath: 'id' });
    tps.createIndex('at', 'at');
    tps.createIndex('type', 'type');
    db.createObjectStore('items', { keyPath: 'key' }).createIndex('lastSeen', 'lastSeen');
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    const tps = oldTouchpoints(tx);
    tps.createIndex('sessionId', 'sessionId');
    tps.createIndex('itemId', 'itemId');
    db.createObjectStore('diagnostics', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
    db.createObjectStore('seen', { keyPath: 'key' });
    // Aggregates (if any) predate the seen store: drop them, and leave a rebuild marker at the start so the rows
    // kept are counted even when a new batch is written before the first stats read.
    void tx.objectStore('meta').delete(IDBKeyRange.bound(...META_AGG_RANGE));
    if (oldVersion >= 1) void tx.objectStore('meta').put({ after: null }, META_AGG_REBUILD); // not on a fresh install
  }
  if (oldVersion < 3) {
    const tps = oldTouchpoints(tx);
    for (const name of DROPPED_TOUCHPOINT_INDEXES) if (tps.indexNames.contains(name)) tps.deleteIndex(name);
  }
  if (oldVersion < 4) {
    const chunks = db.createObjectStore('touchpointChunks', { keyPath: 'key' });
    chunks.createIndex('atMin', 'atMin');
    chunks.createIndex('atMax', 'atMax');
    chunks.createIndex('n', 'n');
    // A rebuild a stopped worker left marks its place by a touchpoint id, which means nothing in chunk order:
    // drop what it had counted and start it again (the aggregates themselves stay valid: the rows do not change).
    const meta = tx.objectStore('meta');
    void meta.get(META_AGG_REBUILD).then((marker) => {
      if (!marker) return;
      void meta.delete(IDBKeyRange.bound(...META_AGG_RANGE));
      void tx.objectStore('seen').clear();
      void meta.put({ after: null }, META_AGG_REBUILD);
    });
    // Runs on in the upgrade transaction; the old store goes when its last row has moved.
    migrateRowsToChunks(unwrap(tx), OLD_TOUCHPOINTS, 'touchpointChunks', () => db.deleteObjectStore(OLD_TOUCHPOINTS as never));
  }
}

/** Open (and upgrade) the database. Callers keep the handle; see utils/db/connection.ts for the shared one. */
export function openGuangjieDb(name = DB_NAME): Promise<GuangjieDb> {
  return openDB<GuangjieSchema>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
  });
}
