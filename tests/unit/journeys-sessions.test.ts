import { describe, expect, it } from 'vitest';
import { withDefinitions } from '../../utils/journeys/definitions';
import { assignSessions, continuesSession, summariseSessions } from '../../utils/journeys/sessions';
import { MIN, T0, tp } from './journeys-helpers';

const sessionsOf = (tps: ReturnType<typeof tp>[]) => assignSessions(tps).map((t) => t.sessionId);

describe('sessions by gap', () => {
  it('continues across a gap of exactly 30 min (inclusive) and splits at 30 min + 1 ms', () => {
    expect(continuesSession(T0, T0 + 30 * MIN)).toBe(true);
    expect(continuesSession(T0, T0 + 30 * MIN + 1)).toBe(false);
    const a = tp({ id: 'a', type: 'product-click', at: T0 });
    const b = tp({ id: 'b', type: 'product-click', at: T0 + 30 * MIN }); // gap 30:00.000 → same session
    const c = tp({ id: 'c', type: 'product-click', at: T0 + 60 * MIN + 1 }); // gap 30:00.001 → new session
    expect(sessionsOf([c, a, b])).toEqual(['douyin:a', 'douyin:a', 'douyin:c']);
  });

  it('measures the gap from the end of an impression\'s dwell', () => {
    // Impression 0:00 with 10 min dwell ends at 0:10; the next touch at 0:40 is a 30 min gap → same session.
    const imp = tp({ id: 'a', type: 'impression', at: T0, dwellMs: 10 * MIN });
    const next = tp({ id: 'b', type: 'product-click', at: T0 + 40 * MIN });
    expect(sessionsOf([imp, next])).toEqual(['douyin:a', 'douyin:a']);
  });

  it('does not cut a long live-room visit: live-leave starts when the room opened', () => {
    // Enter at 0:00, leave at 1:30 after 90 min in the room: the leave spans 0:00–1:30, so no gap at all.
    const enter = tp({ id: 'a', type: 'live-enter', surface: 'live-room', at: T0 });
    const leave = tp({ id: 'b', type: 'live-leave', surface: 'live-room', at: T0 + 90 * MIN, dwellMs: 90 * MIN });
    expect(sessionsOf([enter, leave])).toEqual(['douyin:a', 'douyin:a']);
  });

  it('keeps one session per platform, and follows the gap setting', () => {
    const d1 = tp({ id: 'd1', type: 'impression', at: T0 });
    const t1 = tp({ id: 't1', type: 'impression', at: T0 + MIN, platform: 'tiktok' });
    const d2 = tp({ id: 'd2', type: 'impression', at: T0 + 20 * MIN });
    expect(sessionsOf([d1, t1, d2])).toEqual(['douyin:d1', 'tiktok:t1', 'douyin:d1']);
    const tight = assignSessions([d1, d2], withDefinitions({ sessionGapMin: 10 })).map((t) => t.sessionId);
    expect(tight).toEqual(['douyin:d1', 'douyin:d2']);
  });

  it('summarises sessions with their span and touches', () => {
    const rows = summariseSessions(assignSessions([
      tp({ id: 'a', type: 'impression', at: T0, dwellMs: 5000 }),
      tp({ id: 'b', type: 'search', at: T0 + MIN }),
    ]));
    expect(rows).toEqual([{ sessionId: 'douyin:a', platform: 'douyin', startAt: T0, endAt: T0 + MIN, touchpointIds: ['a', 'b'] }]);
  });
});
