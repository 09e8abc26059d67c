/** Shared test helpers for the background / db / export tests: a fresh in-memory IndexedDB and sample rows. */
import { IDBFactory } from 'fake-indexeddb';
import type { Touchpoint } from '../../utils/model/touchpoint';
import type { ClassifiedItem } from '../../utils/model/tags';
import { openGuangjieDb, type GuangjieDb } from '../../utils/db/schema';
import { resetDbConnection } from '../../utils/db/connection';
import { allTouchpoints, forgetChunks } from '../../utils/db/touchpoint-chunks';

/** 2025-03-01 10:00 local time, epoch ms. */
export const T0 = new Date(2025, 2, 1, 10, 0, 0).getTime();
export const MIN = 60_000;

/** Give the test a brand-new, empty IndexedDB (and drop any shared handle to the old one). */
export async function freshIndexedDb(): Promise<void> {
  await resetDbConnection();
  forgetChunks(); // the write path's memory of chunks it wrote belongs to the database being dropped
  (globalThis as { indexedDB: IDBFactory }).indexedDB = new IDBFactory();
}

export const openTestDb = (): Promise<GuangjieDb> => openGuangjieDb();

let seq = 0;
export function tp(over: Partial<Touchpoint> = {}): Touchpoint {
  seq += 1;
  return {
    id: `tp-${seq}`,
    type: 'impression',
    at: T0,
    platform: 'douyin',
    surface: 'recommend',
    pageUrl: 'https://www.douyin.com/',
    itemId: `item-${seq}`,
    tags: [],
    dwellMs: 1000,
    ...over,
  };
}

export function item(over: Partial<ClassifiedItem> = {}): ClassifiedItem {
  return {
    platform: 'douyin',
    id: '7480000000000000001',
    format: 'video',
    source: 'api',
    tags: [{ id: 'shop', kind: 'product-anchor', confidence: 0.9, evidence: [{ source: 'api', field: 'promotions[0]', value: 'p1' }] }],
    productIds: ['p1'],
    shopIds: ['s1'],
    desc: 'a "quoted", multi-line\ndescription',
    ...over,
  };
}

/** The stored touchpoints' ids, sorted (the order a per-row store keyed by id returned them in). */
export const storedIds = async (db: GuangjieDb): Promise<string[]> => (await allTouchpoints(db)).map((r) => r.id).sort();
