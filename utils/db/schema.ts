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
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Diagnostic } from '../messages';
import type { PlatformId, Surface } from '../model/item';
import type { ClassifiedItem, TagId } from '../model/tags';
import type { Touchpoint } from '../model/touchpoint';

export const DB_NAME = 'guangjie';
export const DB_VERSION = 3;

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
  touchpoints: {
    key: string;
    value: StoredTouchpoint;
    indexes: { at: number };
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
type AnyIndexes = { createIndex(name: string, keyPath: string): unknown; deleteIndex(name: string): void; indexNames: DOMStringList };

export function upgrade(db: GuangjieDb, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    const tps = db.createObjectStore('touchpoints', { keyPath: 'id' });
    tps.createIndex('at', 'at');
    (tps as unknown as AnyIndexes).createIndex('type', 'type');
    db.createObjectStore('items', { keyPath: 'key' }).createIndex('lastSeen', 'lastSeen');
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    const tps = tx.objectStore('touchpoints') as unknown as AnyIndexes;
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
    const tps = tx.objectStore('touchpoints') as unknown as AnyIndexes;
    for (const name of DROPPED_TOUCHPOINT_INDEXES) if (tps.indexNames.contains(name)) tps.deleteIndex(name);
  }
}

/** Open (and upgrade) the database. Callers keep the handle; see utils/db/connection.ts for the shared one. */
export function openGuangjieDb(name = DB_NAME): Promise<GuangjieDb> {
  return openDB<GuangjieSchema>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
  });
}
