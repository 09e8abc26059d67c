import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import { touchpointPagesByTime } from '../../utils/dashboard/index-pages';
import { freshIndexedDb, openTestDb, T0, tp } from './background-fixtures';

describe('touchpoints by time, in pages', () => {
  beforeEach(freshIndexedDb);

  it('yield every row of the range once, in index order, however many share a time across page edges', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 30 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 6 }),
      fc.boolean(),
      async (times, pageSize, a, b, toOpen) => {
        await freshIndexedDb();
        const db = await openTestDb();
        const rows = times.map((t, i) => tp({ id: `r${String(i).padStart(2, '0')}`, at: T0 + t }));
        if (rows.length) await writeTouchpoints(db, rows, { extVersion: 't', now: T0 });
        const [from, to] = [T0 + Math.min(a, b), T0 + Math.max(a, b)];
        const got: string[] = [];
        let biggest = 0;
        for await (const page of touchpointPagesByTime(db, from, to, toOpen, pageSize)) {
          got.push(...page.map((r) => r.id));
          biggest = Math.max(biggest, page.length);
        }
        const expected = rows
          .filter((r) => r.at >= from && (toOpen ? r.at < to : r.at <= to))
          .sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1))
          .map((r) => r.id);
        expect(got).toEqual(expected);
        expect(biggest).toBeLessThanOrEqual(pageSize);
        db.close();
      },
    ), { numRuns: 60 });
  });
});
