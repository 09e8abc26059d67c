import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import {
  countTouchpoints, deleteTouchpointsBefore, forgetChunks, getTouchpoint, makeChunk, newChunkKey, putTouchpointRows,
  readChunkPage, rememberChunk, storedAmong, touchpointPagesByTime,
} from '../../utils/db/touchpoint-chunks';
import type { StoredTouchpoint } from '../../utils/db/schema';
import { freshIndexedDb, openTestDb, storedIds, T0, tp } from './background-fixtures';

const stored = (over: Parameters<typeof tp>[0] = {}): StoredTouchpoint => ({ ...tp(over), sessionId: 's', extVersion: 't', definitionsVersion: 1, recordedAt: T0 });

describe('touchpoint chunks', () => {
  beforeEach(freshIndexedDb);

  it('time-range pages: every row of the range once, whichever chunks hold it and however their times overlap', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 6 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 6 }),
      fc.boolean(),
      async (batches, pageChunks, a, b, toOpen) => {
        await freshIndexedDb();
        const db = await openTestDb();
        let n = 0;
        const rows = batches.map((times) => times.map((t) => tp({ id: `r${String(n++).padStart(2, '0')}`, at: T0 + t })));
        for (const batch of rows) await writeTouchpoints(db, batch, { extVersion: 't', now: T0 + 10 }); // a chunk each
        const [from, to] = [T0 + Math.min(a, b), T0 + Math.max(a, b)];
        const got: string[] = [];
        let pages = 0;
        for await (const page of touchpointPagesByTime(db, from, to, toOpen, pageChunks)) {
          got.push(...page.map((r) => r.id));
          pages += 1;
        }
        const expected = rows.flat().filter((r) => r.at >= from && (toOpen ? r.at < to : r.at <= to)).map((r) => r.id);
        expect(got.sort()).toEqual(expected.sort());
        expect(pages).toBeLessThanOrEqual(Math.ceil(rows.length / pageChunks));
        db.close();
      },
    ), { numRuns: 60 });
  });

  it('count and look up by id', async () => {
    const db = await openTestDb();
    const rows = [stored(), stored(), stored()];
    await putTouchpointRows(db, rows, 2);
    expect(await db.count('touchpointChunks')).toBe(2);
    expect(await countTouchpoints(db)).toBe(3);
    expect(await getTouchpoint(db, rows[2].id)).toEqual(rows[2]);
    expect(await getTouchpoint(db, 'nope')).toBeUndefined();
  });

  it('find the ids stored already in the chunks whose times could hold them, kept in memory or read', async () => {
    await fc.assert(fc.asyncProperty(
      // Stored chunks (each a list of times), then a batch: some stored rows again, some new rows, any times.
      fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 6 }),
      fc.array(fc.boolean(), { maxLength: 30 }),
      fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 5 }),
      fc.boolean(),
      async (chunkTimes, resend, newTimes, remembered) => {
        await freshIndexedDb();
        forgetChunks();
        const db = await openTestDb();
        const chunks = chunkTimes.map((times) => makeChunk(newChunkKey(T0), times.map((t) => stored({ at: T0 + t }))));
        const tx = db.transaction('touchpointChunks', 'readwrite');
        await Promise.all([...chunks.map((c) => tx.store.add(c)), tx.done]);
        if (remembered) chunks.forEach(rememberChunk);
        const again = chunks.flatMap((c) => c.rows).filter((_, i) => resend[i]);
        const batch = [...again, ...newTimes.map((t) => stored({ at: T0 + t }))];
        const read = db.transaction('touchpointChunks');
        const present = await storedAmong(read.store, batch);
        expect([...present].sort()).toEqual(again.map((r) => r.id).sort());
        db.close();
      },
    ), { numRuns: 60 });
  });

  it('page reads ask for as many chunks as make about the rows wanted, small chunks or full', async () => {
    const db = await openTestDb();
    await putTouchpointRows(db, Array.from({ length: 12 }, () => stored()), 1); // 12 one-row chunks
    await putTouchpointRows(db, Array.from({ length: 12 }, () => stored()), 4); // then 3 four-row chunks
    const first = await readChunkPage(db, undefined, 2, 6);
    expect(first.rows).toHaveLength(2);
    expect(first.nextCount).toBe(6); // one row a chunk: six chunks make six rows
    const second = await readChunkPage(db, first.last, first.nextCount, 6);
    expect(second.rows).toHaveLength(6);
    const third = await readChunkPage(db, second.last, 10, 6);
    expect(third.rows).toHaveLength(4 + 12);
    expect(third.more).toBe(false);
  });

  it('retention deletes rows before a time, rewriting chunks that straddle it', async () => {
    const db = await openTestDb();
    const old = [stored({ at: T0 - 2 }), stored({ at: T0 - 1 })];
    const mixed = [stored({ at: T0 - 1 }), stored({ at: T0 }), stored({ at: T0 + 1 })];
    const recent = [stored({ at: T0 + 5 })];
    for (const rows of [old, mixed, recent]) await putTouchpointRows(db, rows);
    expect(await deleteTouchpointsBefore(db, T0)).toBe(3);
    expect(await storedIds(db)).toEqual([mixed[1].id, mixed[2].id, recent[0].id].sort());
    const chunks = await db.getAll('touchpointChunks');
    expect(chunks.map((c) => [c.atMin, c.atMax, c.n])).toEqual([[T0, T0 + 1, 2], [T0 + 5, T0 + 5, 1]]);
  });
});
