import { beforeEach, describe, expect, it } from 'vitest';
import { assignArrivalSessions, SESSION_GAP_MIN, type SessionState } from '../../utils/background/session';
import { writeTouchpoints } from '../../utils/background/touchpoint-writer';
import type { PlatformId } from '../../utils/model/item';
import { freshIndexedDb, MIN, openTestDb, T0, tp } from './background-fixtures';
import { getTouchpoint } from '../../utils/db/touchpoint-chunks';

const ctx = { extVersion: '0.1.0', now: T0 };
const sessionsOf = async (ids: string[]) => {
  const db = await openTestDb();
  const rows = await Promise.all(ids.map((id) => getTouchpoint(db, id)));
  db.close();
  return rows.map((r) => r!.sessionId);
};

describe('session assignment on arrival', () => {
  beforeEach(freshIndexedDb);

  it('uses a 30-minute gap', () => expect(SESSION_GAP_MIN).toBe(30));

  it('starts a new session only after a gap longer than SESSION_GAP_MIN minutes', () => {
    const a = tp({ at: T0, dwellMs: 0 });
    const b = tp({ at: T0 + SESSION_GAP_MIN * MIN, dwellMs: 0 }); // exactly the gap: continues
    const c = tp({ at: T0 + 2 * SESSION_GAP_MIN * MIN + 1, dwellMs: 0 }); // 1 ms more than the gap after b: new
    const ids = assignArrivalSessions(new Map(), [c, a, b]);
    expect(ids.get(a.id)).toBe(ids.get(b.id));
    expect(ids.get(c.id)).not.toBe(ids.get(b.id));
    expect(ids.get(a.id)).toBe(`douyin:${a.id}`);
  });

  it('measures the gap from the end of an impression’s dwell', () => {
    const long = tp({ at: T0, dwellMs: 20 * MIN });
    const next = tp({ at: T0 + 45 * MIN, dwellMs: 0 });
    const ids = assignArrivalSessions(new Map(), [long, next]);
    expect(ids.get(next.id)).toBe(ids.get(long.id));
  });

  it('keeps sessions per platform', () => {
    const d = tp({ platform: 'douyin' });
    const t = tp({ platform: 'tiktok', at: T0 + MIN });
    const open = new Map<PlatformId, SessionState>();
    const ids = assignArrivalSessions(open, [d, t]);
    expect(ids.get(d.id)).not.toBe(ids.get(t.id));
    expect([...open.keys()].sort()).toEqual(['douyin', 'tiktok']);
  });

  it('continues the stored session across batches and a worker restart', async () => {
    const first = tp({ at: T0 });
    const db1 = await openTestDb();
    await writeTouchpoints(db1, [first], ctx);
    db1.close(); // the worker stops; the next batch opens a new connection
    const db2 = await openTestDb();
    const soon = tp({ at: T0 + 10 * MIN });
    const late = tp({ at: T0 + 3 * 60 * MIN });
    await writeTouchpoints(db2, [soon], ctx);
    await writeTouchpoints(db2, [late], ctx);
    db2.close();
    const [s1, s2, s3] = await sessionsOf([first.id, soon.id, late.id]);
    expect(s2).toBe(s1);
    expect(s3).not.toBe(s1);
  });

  it('puts a late touchpoint into the open session', async () => {
    const db = await openTestDb();
    const a = tp({ at: T0 + 10 * MIN });
    const lateArrival = tp({ at: T0 });
    await writeTouchpoints(db, [a], ctx);
    await writeTouchpoints(db, [lateArrival], ctx);
    db.close();
    const [sa, sl] = await sessionsOf([a.id, lateArrival.id]);
    expect(sl).toBe(sa);
  });
});
