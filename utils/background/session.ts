/**
 * Session assignment on arrival, by the definition in utils/journeys/definitions.ts (one SESSION_GAP_MIN, in
 * minutes; per platform; a touch spans `touchStartAt`..`touchEndAt`; a gap of exactly SESSION_GAP_MIN continues)
 * and with the same deterministic ids (`<platform>:<first touch id>`) as utils/journeys/sessions.ts.
 * The open session per platform lives in the `meta` store, so a restarted service worker continues it.
 * A touch arriving late (starting before the session's latest end) joins the open session. Analyses re-run
 * assignSessions over all touchpoints, which can split differently when touches arrived far out of order.
 */
import type { PlatformId } from '../model/item';
import type { Touchpoint } from '../model/touchpoint';
import { SESSION_GAP_MIN } from '../journeys/definitions';
import { byTime, continuesSession, sessionIdFor, touchEndAt, touchStartAt } from '../journeys/sessions';

export { SESSION_GAP_MIN };

export interface SessionState {
  id: string;
  /** Latest end of any touch in the session, epoch milliseconds. */
  lastEndAt: number;
}

/** Meta key of a platform's open session. */
export const metaSessionKey = (platform: PlatformId) => `session:${platform}`;

/**
 * Session id for each touchpoint (by id), given the open sessions; `open` is updated in place to what to keep.
 * Pure apart from that map.
 */
export function assignArrivalSessions(open: Map<PlatformId, SessionState>, tps: readonly Touchpoint[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const tp of [...tps].sort(byTime)) {
    let s = open.get(tp.platform);
    if (!s || !continuesSession(s.lastEndAt, touchStartAt(tp))) {
      s = { id: sessionIdFor(tp), lastEndAt: touchEndAt(tp) };
      open.set(tp.platform, s);
    }
    s.lastEndAt = Math.max(s.lastEndAt, touchEndAt(tp));
    ids.set(tp.id, s.id);
  }
  return ids;
}
