import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dumpAggregates, recomputeAggregates } from '../../utils/background/aggregate-store';
import { ensureRetentionAlarm, pruneExpired, RETENTION_ALARM } from '../../utils/background/retention';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { writeDiagnostic } from '../../utils/background/diagnostics';
import { freshIndexedDb, openTestDb, T0, tp, storedIds } from './background-fixtures';
import { countTouchpoints } from '../../utils/db/touchpoint-chunks';

const DAY = 86_400_000;
const ctx = { extVersion: '0.1.0', now: T0 };

describe('retention', () => {
  beforeEach(freshIndexedDb);

  it('keeps everything when retentionDays is 0', async () => {
    const db = await openTestDb();
    await writeTouchpoints(db, [tp({ at: T0 - 400 * DAY + 1 }), tp()], { ...ctx, now: T0 });
    expect(await pruneExpired(db, 0, T0)).toMatchObject({ touchpoints: 0 });
    expect(await countTouchpoints(db)).toBe(2);
  });

  it('deletes touchpoints older than retentionDays and rebuilds the aggregates from the rest', async () => {
    const db = await openTestDb();
    const old = tp({ at: T0 - 10 * DAY, tags: ['ad'] });
    const kept = tp({ at: T0 - 2 * DAY, tags: ['shop'] });
    await writeTouchpoints(db, [old, kept], ctx);
    await writeDiagnostic(db, { at: T0 - 40 * DAY, kind: 'bad-json', detail: 'x' }, ctx);
    await writeDiagnostic(db, { at: T0 - DAY, kind: 'bad-json', detail: 'y' }, ctx);
    expect(await pruneExpired(db, 7, T0)).toEqual({ touchpoints: 1, diagnostics: 1 });
    expect(await storedIds(db)).toEqual([kept.id]);
    const after = await dumpAggregates(db);
    await recomputeAggregates(db);
    expect(after).toEqual(await dumpAggregates(db));
    expect((after.meta['agg:total'] as { itemsByTag: Record<string, number> }).itemsByTag).toMatchObject({ shop: 1, ad: 0 });
  });

  it('creates the daily alarm only when it does not exist yet', async () => {
    const alarms = { get: vi.fn(async () => undefined as unknown), create: vi.fn() };
    await ensureRetentionAlarm(alarms);
    expect(alarms.create).toHaveBeenCalledWith(RETENTION_ALARM, expect.objectContaining({ periodInMinutes: 1440 }));
    alarms.get.mockResolvedValue({ name: RETENTION_ALARM });
    await ensureRetentionAlarm(alarms);
    expect(alarms.create).toHaveBeenCalledTimes(1);
  });
});
