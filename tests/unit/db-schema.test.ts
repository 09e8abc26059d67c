import { beforeEach, describe, expect, it } from 'vitest';
import { readAggregates } from '../../utils/background/aggregate-store';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { dayKey } from '../../utils/background/aggregates';
import { createV1Database } from '../fixtures/db/v1-schema.mjs';
import { DB_NAME, DB_VERSION, META_AGG_TOTAL, openGuangjieDb } from '../../utils/db/schema';
import { freshIndexedDb, item, T0, tp } from './background-fixtures';

/** The version-1 schema, as a browser that installed version 1 would have it (shared with the e2e migration test). */
const createV1 = (rows: { touchpoints: object[]; items: object[]; meta: Array<[string, unknown]> }) => createV1Database(indexedDB, rows, DB_NAME);

describe('database schema', () => {
  beforeEach(freshIndexedDb);

  it('creates every store and index at the current version', async () => {
    const db = await openGuangjieDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['diagnostics', 'items', 'meta', 'seen', 'touchpoints']);
    const tx = db.transaction(['touchpoints', 'items', 'diagnostics']);
    expect([...tx.objectStore('touchpoints').indexNames]).toEqual(['at']);
    expect(tx.objectStore('touchpoints').keyPath).toBe('id');
    expect(tx.objectStore('items').keyPath).toBe('key');
    expect([...tx.objectStore('diagnostics').indexNames]).toEqual(['at']);
    db.close();
  });

  it('upgrades a version-1 database keeping every row, keeping only the `at` index, and rebuilding stale aggregates', async () => {
    const prov = { extVersion: '0.0.1', definitionsVersion: 1, recordedAt: T0 };
    const touchpoints = [
      { ...tp({ tags: ['shop'], dwellMs: 2000 }), sessionId: 's-old-1', ...prov },
      { ...tp({ tags: [], dwellMs: 3000 }), sessionId: 's-old-1', ...prov },
      { ...tp({ type: 'search', query: '口红', itemId: undefined }), sessionId: 's-old-2', ...prov },
    ];
    const items = [{ ...item(), key: 'douyin:7480000000000000001', firstSeen: T0, lastSeen: T0, ...prov }];
    await createV1({ touchpoints, items, meta: [[META_AGG_TOTAL, { stale: true }], ['unrelated', 1]] });

    const db = await openGuangjieDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('touchpoints')).toEqual([...touchpoints].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.getAll('items')).toEqual(items);
    expect(await db.get('meta', 'unrelated')).toBe(1);
    expect(await db.get('meta', META_AGG_TOTAL)).toBeUndefined();
    expect([...db.transaction('touchpoints').store.indexNames]).toEqual(['at']);
    expect(await db.getAllKeysFromIndex('touchpoints', 'at', T0)).toHaveLength(touchpoints.filter((t) => t.at === T0).length);
    const agg = await readAggregates(db, dayKey(T0));
    expect(agg.total).toMatchObject({ itemsSeen: 2, itemsByTag: { shop: 1 }, dwellMs: 5000, commerceDwellMs: 2000, touchpoints: 3 });
    db.close();
  });

  it('counts the rows an upgrade kept even when a new batch is written before the first stats read', async () => {
    const prov = { extVersion: '0.0.1', definitionsVersion: 1, recordedAt: T0 };
    const old = [{ ...tp({ tags: ['shop'], dwellMs: 2000 }), sessionId: 's-old', ...prov }, { ...tp({ tags: [], dwellMs: 3000 }), sessionId: 's-old', ...prov }];
    await createV1({ touchpoints: old, items: [], meta: [] });
    const db = await openGuangjieDb();
    await writeTouchpoints(db, [tp({ tags: ['ad'], dwellMs: 4000 })], { extVersion: '9.9.9', now: T0 });
    const agg = await readAggregates(db, dayKey(T0));
    expect(agg.total).toMatchObject({ touchpoints: 3, itemsSeen: 3, dwellMs: 9000, itemsByTag: { shop: 1, ad: 1 } });
    db.close();
  });
});
