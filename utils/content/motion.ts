/**
 * Which page elements are moving now: a CSS transition of a property that moves an element (transform, top,
 * margin, …) is running on it. Items inside a moving element (a slide of the feed) move with it.
 *
 * Their boxes are read only once the motion has ended, and a task later: a transition ends inside a frame, before
 * that frame's style and layout, and reading a box there (or during the motion, whose every frame the compositor
 * otherwise draws alone) makes the main thread compute them early — measured at ~1.3 ms per feed item
 * (docs/PERFORMANCE.md, "Overlay, outside the feed"). One set of listeners serves the overlay and viewability.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { after } from './timers';

/** Transitions of these properties move an element (and what is inside it); others (colour, opacity) do not. */
const MOVING_PROPERTY = /^(transform|translate|scale|rotate|top|left|right|bottom|inset|margin(-\w+)?|width|height)$/;
/** Running transitions remembered at most; a page whose transitions never end (removed mid-way) starts over. Count. */
const MOVING_MAX = 200;

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
  const moving = new Set<Element>();
  const listeners: Array<(started: Element | null) => void> = [];
  const tell = (started: Element | null): void => {
    for (const listener of listeners) listener(started);
  };
  const prune = (): void => {
    for (const t of moving) if (!t.isConnected) moving.delete(t);
  };
  let settling: (() => void) | null = null;
  /** Elements whose motion was cancelled or ended since the task that tells was scheduled; still in `moving`. */
  const endedSince = new Set<Element>();
  ctx.addEventListener(doc, 'transitionrun', (e) => {
    if (!MOVING_PROPERTY.test(e.propertyName) || !(e.target instanceof Element)) return;
    // Started again in the frame its last motion was cancelled (a flick mid-slide): it never stopped. Nothing to
    // tell, and when nothing else ended, the task that would tell an end is cancelled.
    if (endedSince.delete(e.target)) {
      if (endedSince.size === 0 && settling) {
        settling();
        settling = null;
      }
      return;
    }
    if (moving.has(e.target)) return;
    if (moving.size >= MOVING_MAX) moving.clear();
    moving.add(e.target);
    tell(e.target);
  }, { capture: true, passive: true });
  const ended = (e: TransitionEvent): void => {
    const target = e.target as Element;
    if (!moving.has(target)) return;
    endedSince.add(target);
    settling ??= after(ctx, 0, () => {
      settling = null;
      for (const t of endedSince) moving.delete(t);
      endedSince.clear();
      tell(null);
    });
  };
  ctx.addEventListener(doc, 'transitionend', ended, { capture: true, passive: true });
  ctx.addEventListener(doc, 'transitioncancel', ended, { capture: true, passive: true });
  return {
    isMoving(el) {
      prune();
      for (const t of moving) if (t.contains(el)) return true;
      return false;
    },
    isMovingAny(els) {
      prune();
      if (moving.size === 0) return false;
      for (const el of els) for (const t of moving) if (t.contains(el)) return true;
      return false;
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
