import { beforeEach, describe, expect, it } from 'vitest';
import { writeItems, writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { DEFINITIONS_VERSION } from '../../utils/definitions-version';
import { freshIndexedDb, item, MIN, openTestDb, T0, tp, storedIds } from './background-fixtures';
import { countTouchpoints, getTouchpoint, allTouchpoints } from '../../utils/db/touchpoint-chunks';

const ctx = { extVersion: '0.1.0', now: T0 + 5 * MIN };

describe('touchpoint write path', () => {
  beforeEach(freshIndexedDb);

  it('stores a batch keyed by each touchpoint id and returns the ids', async () => {
    const db = await openTestDb();
    const batch = [tp(), tp({ type: 'product-click', at: T0 + 1000 })];
    expect(await writeTouchpoints(db, batch, ctx)).toEqual(batch.map((t) => t.id));
    expect(await storedIds(db)).toEqual(batch.map((t) => t.id).sort());
  });

  it('writes a retried batch as a no-op: same row count, rows unchanged', async () => {
    const db = await openTestDb();
    const batch = [tp(), tp(), tp()];
    await writeTouchpoints(db, batch, ctx);
    const before = await allTouchpoints(db);
    expect(await writeTouchpoints(db, batch, { ...ctx, now: ctx.now + 60 * MIN })).toEqual(batch.map((t) => t.id));
    expect(await countTouchpoints(db)).toBe(3);
    expect(await allTouchpoints(db)).toEqual(before);
  });

  it('a retry that brings new rows with it: the new ones are stored, the stored ones left exactly as they were', async () => {
    const db = await openTestDb();
    const first = [tp(), tp()];
    await writeTouchpoints(db, first, ctx);
    const before = await allTouchpoints(db);
    const later = [tp({ at: T0 + MIN }), tp({ at: T0 + 2 * MIN })];
    const retry = [...first, ...later];
    expect(await writeTouchpoints(db, retry, { ...ctx, now: ctx.now + MIN })).toEqual(retry.map((t) => t.id));
    expect(await countTouchpoints(db)).toBe(4);
    for (const row of before) expect(await getTouchpoint(db, row.id)).toEqual(row);
    expect(await getTouchpoint(db, later[0].id)).toMatchObject({ recordedAt: ctx.now + MIN });
  });

  it('rows already stored never choose the sessions of the new rows sent with them', async () => {
    const db = await openTestDb();
    const old = tp({ at: T0 });
    await writeTouchpoints(db, [old], ctx);
    await db.delete('meta', 'session:douyin'); // no open session: resent first, `old` would start one for both
    const fresh = tp({ at: T0 + MIN });
    await writeTouchpoints(db, [old, fresh], ctx);
    expect((await getTouchpoint(db, fresh.id))!.sessionId).toBe(`douyin:${fresh.id}`);
    expect((await getTouchpoint(db, old.id))!.sessionId).toBe(`douyin:${old.id}`);
    expect(await db.get('meta', 'session:douyin')).toMatchObject({ id: `douyin:${fresh.id}` });
  });

  it('stores a touchpoint repeated inside one batch once', async () => {
    const db = await openTestDb();
    const one = tp();
    expect(await writeTouchpoints(db, [one, { ...one }], ctx)).toEqual([one.id]);
    expect(await countTouchpoints(db)).toBe(1);
  });

  it('adds provenance to every row, keeping versions the sender gave', async () => {
    const db = await openTestDb();
    const given = tp({ extVersion: '0.0.9', definitionsVersion: 0 });
    const bare = tp();
    await writeTouchpoints(db, [given, bare], ctx);
    expect(await getTouchpoint(db, given.id)).toMatchObject({ extVersion: '0.0.9', definitionsVersion: 0, recordedAt: ctx.now });
    expect(await getTouchpoint(db, bare.id)).toMatchObject({ extVersion: '0.1.0', definitionsVersion: DEFINITIONS_VERSION, recordedAt: ctx.now });
  });

  it('upserts items by platform:id, keeping firstSeen and updating lastSeen', async () => {
    const db = await openTestDb();
    await writeItems(db, [item()], ctx);
    await writeItems(db, [item({ tags: [] })], { ...ctx, now: ctx.now + MIN });
    const rows = await db.getAll('items');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: 'douyin:7480000000000000001', tags: [], firstSeen: ctx.now, lastSeen: ctx.now + MIN, extVersion: '0.1.0' });
  });
});
