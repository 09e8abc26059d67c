/**
 * Which feed items are worth watching for viewability. An IntersectionObserver costs main-thread time for every
 * element it watches, in every frame the page draws: on the replica feed, watching its ten rendered slides cost
 * ~1.3 ms per item scrolled past, watching one ~0.4 ms (docs/PERFORMANCE.md, "Viewability, nearby items only").
 * A virtualised feed renders slides screens away from the one playing, and they cannot come into view without the
 * page changing or scrolling first; so only items NEAR the viewport are watched:
 *
 * - NEAR: the item's box (CSS px, viewport coordinates) reaches within PROXIMITY_VIEWPORTS viewport widths /
 *   heights of the viewport. An item that is not near is at 0 % in view: its view episode, if any, ends.
 * - Nearness is read again after every settled feed change, and during a scroll or resize at most every
 *   PROXIMITY_RECHECK_MS; an item faster than a viewport in that time is watched from the next read (its dwell
 *   then starts up to that much late).
 * - While the items move, no box is read and none is observed (impressions.ts): the active item counts as in view,
 *   the other moving ones as out of view, and the boxes decide again once the motion has ended.
 */
import type { Box } from './overlay-position';

/** How far from the viewport an item is still watched, in viewports. */
export const PROXIMITY_VIEWPORTS = 1;
/** During a scroll or resize, nearness is read again at most this often. Milliseconds. */
export const PROXIMITY_RECHECK_MS = 150;

/** Whether `box` reaches within `viewports` viewports of the viewport `view` (an empty box never does). */
export function isNear(box: Box, view: { width: number; height: number }, viewports = PROXIMITY_VIEWPORTS): boolean {
  if (!(box.right > box.left || box.bottom > box.top)) return false;
  const mx = view.width * viewports;
  const my = view.height * viewports;
  return box.right > -mx && box.left < view.width + mx && box.bottom > -my && box.top < view.height + my;
}
