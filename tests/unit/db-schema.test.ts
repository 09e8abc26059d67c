import { beforeEach, describe, expect, it } from 'vitest';
import { readAggregates } from '../../utils/background/aggregate-store';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { dayKey } from '../../utils/background/aggregates';
import { createV1Database } from '../fixtures/db/v1-schema.mjs';
import { DB_NAME, DB_VERSION, META_AGG_REBUILD, META_AGG_TOTAL, openGuangjieDb } from '../../utils/db/schema';
import { freshIndexedDb, item, T0, tp } from './background-fixtures';
import { allTouchpoints, countTouchpoints } from '../../utils/db/touchpoint-chunks';

/** The version-1 schema, as a browser that installed version 1 would have it (shared with the e2e migration test). */
const createV1 = (rows: { touchpoints: object[]; items: object[]; meta: Array<[string, unknown]> }) => createV1Database(indexedDB, rows, DB_NAME);

describe('database schema', () => {
  beforeEach(freshIndexedDb);

  it('creates every store and index at the current version', async () => {
    const db = await openGuangjieDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['diagnostics', 'items', 'meta', 'seen', 'touchpointChunks']);
    const tx = db.transaction(['touchpointChunks', 'items', 'diagnostics']);
    const chunks = tx.objectStore('touchpointChunks');
    expect([...chunks.indexNames].sort()).toEqual(['atMax', 'atMin', 'n']);
    expect(chunks.keyPath).toBe('key');
    expect(chunks.index('n')).toMatchObject({ keyPath: 'n', unique: false, multiEntry: false });
    expect(tx.objectStore('items').keyPath).toBe('key');
    expect([...tx.objectStore('diagnostics').indexNames]).toEqual(['at']);
    db.close();
  });

  it('upgrades a version-1 database keeping every row (moved into chunks, in time order) and rebuilding stale aggregates', async () => {
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
    expect(await allTouchpoints(db)).toEqual([...touchpoints].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)));
    expect(await db.getAll('items')).toEqual(items);
    expect(await db.get('meta', 'unrelated')).toBe(1);
    expect(await db.get('meta', META_AGG_TOTAL)).toBeUndefined();
    expect([...db.objectStoreNames]).not.toContain('touchpoints');
    expect(await countTouchpoints(db)).toBe(3);
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

  it('moves thousands of rows, many sharing one time across read pages, each once, into full chunks', async () => {
    const prov = { extVersion: '0.0.1', definitionsVersion: 1, recordedAt: T0 };
    // 5,000 rows are read per request: 600 rows share the time that straddles the first page's end.
    const touchpoints = Array.from({ length: 5_300 }, (_, i) => ({ ...tp({ at: T0 + (i < 4_700 ? i : 4_700) }), sessionId: 's', ...prov }));
    await createV1({ touchpoints, items: [], meta: [] });
    const db = await openGuangjieDb();
    expect(await countTouchpoints(db)).toBe(5_300);
    expect((await allTouchpoints(db)).map((r) => r.id).sort()).toEqual(touchpoints.map((r) => r.id).sort());
    const chunks = await db.getAll('touchpointChunks');
    expect(chunks.map((c) => c.rows.length)).toEqual([...Array(10).fill(500), 300]);
    for (const c of chunks) expect([c.atMin, c.atMax]).toEqual([Math.min(...c.rows.map((r) => r.at)), Math.max(...c.rows.map((r) => r.at))]);
    db.close();
  });

  it('restarts a rebuild a stopped worker left, counting every row once', async () => {
    const prov = { extVersion: '0.0.1', definitionsVersion: 1, recordedAt: T0 };
    const rows = [{ ...tp({ dwellMs: 2000 }), sessionId: 's', ...prov }, { ...tp({ dwellMs: 3000 }), sessionId: 's', ...prov }];
    // Half rebuilt under version 1: the marker names a touchpoint id, and one row is counted already.
    const half = { touchpoints: 1, itemsSeen: 1, dwellMs: 2000 };
    await createV1({ touchpoints: rows, items: [], meta: [[META_AGG_TOTAL, half], [META_AGG_REBUILD, { after: rows[0].id }]] });
    const db = await openGuangjieDb();
    expect(await db.get('meta', META_AGG_REBUILD)).toEqual({ after: null });
    const agg = await readAggregates(db, dayKey(T0));
    expect(agg.total).toMatchObject({ touchpoints: 2, itemsSeen: 2, dwellMs: 5000 });
    db.close();
  });
});
