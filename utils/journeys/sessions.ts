/**
 * Sessions by gap (definition in ./definitions.ts). Sessions are per platform: a Douyin and a TikTok tab open
 * side by side make two sessions. A touch occupies a span, not an instant, so a long live-room visit or a long
 * dwell is not cut into two sessions by its own length:
 *   - an impression runs from `at` to `at + dwellMs`;
 *   - a live-leave runs from `at - dwellMs` (the room opened) to `at` (it closed);
 *   - everything else is the instant `at`.
 * The gap is from the latest end seen so far to the next touch's start; gap ≤ sessionGapMin continues the session
 * (inclusive), gap > sessionGapMin starts a new one. Session ids are deterministic (`<platform>:<first touch id>`),
 * so re-running an analysis, or the CLI and the dashboard, give the same ids.
 */
import type { Touchpoint } from '../model/touchpoint';
import { DEFAULT_DEFINITIONS, MS_PER_MINUTE, type Definitions } from './definitions';

export const touchStartAt = (tp: Touchpoint): number => (tp.type === 'live-leave' ? tp.at - (tp.dwellMs ?? 0) : tp.at);
export const touchEndAt = (tp: Touchpoint): number => (tp.type === 'impression' ? tp.at + (tp.dwellMs ?? 0) : tp.at);

/** Time order, ties broken by id so every run sorts the same way. */
export const byTime = (a: Touchpoint, b: Touchpoint): number => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether a touch starting at `nextStartAt` continues a session whose activity last ended at `lastEndAt`. */
export function continuesSession(lastEndAt: number, nextStartAt: number, defs: Definitions = DEFAULT_DEFINITIONS): boolean {
  return nextStartAt - lastEndAt <= defs.sessionGapMin * MS_PER_MINUTE;
}

export const sessionIdFor = (first: Touchpoint): string => `${first.platform}:${first.id}`;

/**
 * Copies of the touchpoints, in time order, each with `sessionId` set by gap under `defs`. Stored session ids
 * (assigned on arrival) are replaced, so that an analysis under changed settings is consistent throughout.
 */
export function assignSessions(
  touchpoints: readonly Touchpoint[],
  defs: Definitions = DEFAULT_DEFINITIONS,
  /** The caller hands its objects over: set `sessionId` on them rather than on copies (a million-row export). */
  inPlace = false,
): Touchpoint[] {
  const open = new Map<string, { id: string; lastEndAt: number }>();
  return [...touchpoints].sort(byTime).map((tp) => {
    let session = open.get(tp.platform);
    if (!session || !continuesSession(session.lastEndAt, touchStartAt(tp), defs)) {
      session = { id: sessionIdFor(tp), lastEndAt: touchEndAt(tp) };
      open.set(tp.platform, session);
    }
    session.lastEndAt = Math.max(session.lastEndAt, touchEndAt(tp));
    if (!inPlace) return { ...tp, sessionId: session.id };
    tp.sessionId = session.id;
    return tp;
  });
}

export interface SessionSummary {
  sessionId: string;
  platform: Touchpoint['platform'];
  startAt: number;
  endAt: number;
  touchpointIds: string[];
}

/** Sessions as rows (for the dashboard and exports), from touchpoints that already carry session ids. */
export function summariseSessions(touchpoints: readonly Touchpoint[]): SessionSummary[] {
  const rows = new Map<string, SessionSummary>();
  for (const tp of [...touchpoints].sort(byTime)) {
    const id = tp.sessionId ?? sessionIdFor(tp);
    const row = rows.get(id) ?? { sessionId: id, platform: tp.platform, startAt: touchStartAt(tp), endAt: touchEndAt(tp), touchpointIds: [] };
    row.startAt = Math.min(row.startAt, touchStartAt(tp));
    row.endAt = Math.max(row.endAt, touchEndAt(tp));
    row.touchpointIds.push(tp.id);
    rows.set(id, row);
  }
  return [...rows.values()];
}
