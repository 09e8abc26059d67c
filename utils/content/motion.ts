/**
 * Which page elements are moving now: a CSS transition of a property that moves an element (transform, top,
 * margin, …) is running on it. Items inside a moving element (a slide of the feed) move with it.
 *
 * Their boxes are read only once the motion has ended, and a task later: a transition ends inside a frame, before
 * that frame's style and layout, and reading a box there (or during the motion, whose every frame the compositor
 * otherwise draws alone) makes the main thread compute them early — measured at ~1.3 ms per feed item
 * (docs/PERFORMANCE.md, "Overlay, outside the feed"). One set of listeners serves the overlay and viewability.
 *
 * A motion starts at `transitionrun` and ends at `transitionend`. `transitioncancel` is not listened for: a flick
 * mid-slide cancels the running transition and starts the next one in the same frame, and with a listener the
 * page paid an event into this script, and a timer set and cleared, on every such flick (the browser dispatches
 * no event of a type nobody listens for). A transition cancelled and not started again (the page hid the element,
 * or took its transition away) is taken as ended MOTION_MAX_MS after it last started; should it still end later,
 * its `transitionend` is told as an end again.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { after } from './timers';

/** Transitions of these properties move an element (and what is inside it); others (colour, opacity) do not. */
const MOVING_PROPERTY = /^(transform|translate|scale|rotate|top|left|right|bottom|inset|margin(-\w+)?|width|height)$/;
/** Running transitions remembered at most; a page whose transitions never end (removed mid-way) starts over. Count. */
const MOVING_MAX = 200;
/**
 * A motion seen to start and not to end is taken as ended this long after it last started (a feed's slide lasts
 * a third of a second; a cancel is not listened for, see above). Milliseconds.
 */
export const MOTION_MAX_MS = 2_000;

export interface Motion {
  /** Whether `el` or an element holding it is moving (elements gone from the page no longer count). */
  isMoving(el: Element): boolean;
  /** Whether any of `els` is moving. */
  isMovingAny(els: Iterable<Element>): boolean;
  /**
   * `listener` runs when an element starts moving (`started`; once: not again while a flick restarts it
   * mid-motion), and (null) a task after motions ended — not when each of them started again by then.
   */
  onChange(listener: (started: Element | null) => void): void;
}

export function watchMotion(ctx: ContentScriptContext, doc: Document = document): Motion {
  /** Moving elements, with when each last started (performance.now()). */
  const moving = new Map<Element, number>();
  /** Elements taken as ended by MOTION_MAX_MS, not by their `transitionend`. */
  const expired = new WeakSet<Element>();
  const listeners: Array<(started: Element | null) => void> = [];
  const tell = (started: Element | null): void => {
    for (const listener of listeners) listener(started);
  };
  const prune = (): void => {
    for (const t of moving.keys()) if (!t.isConnected) moving.delete(t);
  };
  let settling: (() => void) | null = null;
  /** Elements whose motion ended since the task that tells was scheduled; still in `moving`. */
  const endedSince = new Set<Element>();
  const endSoon = (target: Element): void => {
    endedSince.add(target);
    settling ??= after(ctx, 0, () => {
      settling = null;
      for (const t of endedSince) moving.delete(t);
      endedSince.clear();
      tell(null);
    });
  };

  /** The one timer that ends motions past MOTION_MAX_MS; null when none is set. */
  let watchdog: (() => void) | null = null;
  const watch = (ms: number): void => {
    watchdog ??= after(ctx, ms, () => {
      watchdog = null;
      const now = performance.now();
      let next = Infinity;
      for (const [t, startedAt] of moving) {
        const left = startedAt + MOTION_MAX_MS - now;
        if (left > 0) next = Math.min(next, left);
        else if (!endedSince.has(t)) {
          expired.add(t);
          endSoon(t);
        }
      }
      if (next < Infinity) watch(next);
    });
  };

  ctx.addEventListener(doc, 'transitionrun', (e) => {
    if (!MOVING_PROPERTY.test(e.propertyName) || !(e.target instanceof Element)) return;
    const restarted = moving.has(e.target);
    moving.set(e.target, performance.now());
    // Started again in the frame its last motion ended: it never stopped. Nothing to tell, and when nothing else
    // ended, the task that would tell an end is cancelled.
    if (endedSince.delete(e.target)) {
      if (endedSince.size === 0 && settling) {
        settling();
        settling = null;
      }
      return;
    }
    if (restarted) return; // a flick mid-slide: the same motion goes on
    if (moving.size > MOVING_MAX) {
      moving.clear();
      moving.set(e.target, performance.now());
    }
    expired.delete(e.target);
    watch(MOTION_MAX_MS);
    tell(e.target);
  }, { capture: true, passive: true });
  ctx.addEventListener(doc, 'transitionend', (e) => {
    const target = e.target as Element;
    if (moving.has(target)) return endSoon(target);
    // Taken as ended too early: it moved until now, so what was read of it meanwhile is read again.
    if (expired.has(target) && MOVING_PROPERTY.test(e.propertyName)) {
      expired.delete(target);
      tell(null);
    }
  }, { capture: true, passive: true });
  return {
    isMoving(el) {
      prune();
      for (const t of moving.keys()) if (t.contains(el)) return true;
      return false;
    },
    isMovingAny(els) {
      prune();
      if (moving.size === 0) return false;
      for (const el of els) for (const t of moving.keys()) if (t.contains(el)) return true;
      return false;
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
