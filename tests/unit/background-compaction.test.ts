import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPACT_AFTER_MS, compactChunks, mergeRuns, META_COMPACT_AFTER } from '../../utils/background/compaction';
import { dumpAggregates } from '../../utils/background/aggregate-store';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { META_AGG_REBUILD } from '../../utils/db/schema';
import { allTouchpoints, countTouchpoints, putTouchpointRows } from '../../utils/db/touchpoint-chunks';
import { freshIndexedDb, MIN, openTestDb, T0, tp } from './background-fixtures';

const chunkOf = (key: string, n: number) => ({ key, n });

describe('chunk compaction', () => {
  beforeEach(freshIndexedDb);

  it('merges runs of consecutive small chunks, never across a large one, never past the most rows a chunk holds', () => {
    const chunks = [chunkOf('a', 1), chunkOf('b', 2), chunkOf('c', 100), chunkOf('d', 3), chunkOf('e', 60), chunkOf('f', 50), chunkOf('g', 1)];
    expect(mergeRuns(chunks, 100, 110).map((run) => run.map((c) => c.key))).toEqual([['a', 'b'], ['d', 'e'], ['f', 'g']]);
    expect(mergeRuns([chunkOf('x', 1)], 100, 500)).toEqual([]); // a lone small chunk stays as it is
  });

  it('leaves every row, and the aggregates, as they were; only old chunks; once', async () => {
    const db = await openTestDb();
    const rows = Array.from({ length: 12 }, (_, i) => tp({ at: T0 + i * MIN, tags: i % 2 ? ['shop'] : [] }));
    for (let i = 0; i < 10; i++) await writeTouchpoints(db, [rows[i]], { extVersion: 't', now: T0 + i * MIN });
    const recent = T0 + 20 * MIN;
    await writeTouchpoints(db, rows.slice(10), { extVersion: 't', now: recent }); // not old enough yet
    const before = { rows: await allTouchpoints(db), agg: await dumpAggregates(db) };

    expect(await compactChunks(db, recent + COMPACT_AFTER_MS - 1, 4)).toEqual({ merged: 10, made: 3 }); // pages of 4 chunks
    const chunks = await db.getAll('touchpointChunks');
    expect(chunks.map((c) => c.rows.length)).toEqual([4, 4, 2, 2]);
    expect(await allTouchpoints(db)).toEqual(before.rows); // same rows, same order
    expect(await countTouchpoints(db)).toBe(12);
    expect(await dumpAggregates(db)).toEqual(before.agg);
    expect(await db.get('meta', META_COMPACT_AFTER)).toBeDefined();

    expect(await compactChunks(db, recent + COMPACT_AFTER_MS - 1, 4)).toEqual({ merged: 0, made: 0 }); // done up to there
    // A retry of a compacted batch is still refused by the id index, and stores nothing twice.
    expect(await writeTouchpoints(db, [rows[3]], { extVersion: 't', now: recent + 2 * COMPACT_AFTER_MS })).toEqual([rows[3].id]);
    expect(await countTouchpoints(db)).toBe(12);
  });

  it('reads no full chunk: a store of full chunks is walked by keys and sizes only', async () => {
    const db = await openTestDb();
    await putTouchpointRows(db, Array.from({ length: 300 }, () => ({ ...tp(), sessionId: 's', extVersion: 't', definitionsVersion: 1, recordedAt: T0 })), 100);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const keysRead = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
    expect(await compactChunks(db, Date.now() + COMPACT_AFTER_MS + 10)).toEqual({ merged: 0, made: 0 });
    expect(keysRead).toHaveBeenCalled(); // the spies do see the store's requests
    expect(get.mock.instances.filter((s) => (s as IDBObjectStore).name === 'touchpointChunks')).toHaveLength(0);
    expect(getAll.mock.instances.filter((s) => (s as IDBObjectStore).name === 'touchpointChunks')).toHaveLength(0);
    vi.restoreAllMocks();
  });

  it('waits while an aggregate rebuild stands (it pages by chunk key)', async () => {
    const db = await openTestDb();
    for (let i = 0; i < 3; i++) await writeTouchpoints(db, [tp()], { extVersion: 't', now: T0 + i });
    await db.put('meta', { after: null }, META_AGG_REBUILD);
    expect(await compactChunks(db, T0 + COMPACT_AFTER_MS + 10)).toEqual({ merged: 0, made: 0 });
    expect(await db.count('touchpointChunks')).toBe(3);
  });
});
