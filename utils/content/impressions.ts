/**
 * Wires the ImpressionTracker (utils/content/viewability.ts) to the page: an IntersectionObserver on the feed items
 * the platform finds (re-scanned when the feed changes) that are near the viewport (utils/content/proximity.ts: the
 * others are at 0 % in view and cost nothing), tab visibility, window focus, playback events and navigation. Each
 * qualified episode becomes one 'impression' touchpoint.
 *
 * While feed items move (a slide's transition, motion.ts) the observer does not watch them: an observed element
 * inside a running transform transition makes the browser draw every frame of it on the main thread (measured in
 * docs/PERFORMANCE.md, "Viewability while the feed moves"). Their ratio is set from feed order instead — the active
 * item in view (1), the other moving ones out of view (0) — and measured again once the motion has ended. Over one
 * slide this starts the next item's dwell, and ends the last one's, by up to the slide's length; flick after flick, the
 * feed's checks come at most every MOVING_CHECK_MS (feed-watch.ts), and so may the ratios set from order.
 */
import { guarded } from './guard';
import type { Session } from './session';
import { IMPRESSION_MIN_VISIBLE_RATIO, ImpressionTracker } from './viewability';
import { watchMachineActive } from './idle-state';
import type { Motion } from './motion';
import { isNear, PROXIMITY_RECHECK_MS } from './proximity';
import { after } from './timers';
import { ItemScan, type FeedChanges } from './item-scan';
import { activeItemNow } from './active-item';

/**
 * The one ratio the tracker acts on (an item is viewable from 50 % in view): the observer reports each crossing of it,
 * and the first ratio of every element it starts observing. More thresholds would only wake the script more often
 * while a feed slides.
 */
const THRESHOLDS = [IMPRESSION_MIN_VISIBLE_RATIO];
/** Media events that change whether an item's player is playing; captured at the document (they don't bubble). */
const PLAYBACK_EVENTS = ['play', 'playing', 'pause', 'waiting', 'ended'];
/** While the feed moves, the item the platform calls active counts as this much in view, the other moving ones as 0. */
const MOVING_ACTIVE_RATIO = 1;

export function trackImpressions(session: Session, motion: Motion): { rescan(changes?: FeedChanges | null): void; narrow(): void; moving(): boolean } {
  const { ctx, platform } = session;
  const ids = new Map<Element, string | null>();
  const machineActive = watchMachineActive(ctx, () => tracker.refresh());

  const tracker = new ImpressionTracker(
    { now: () => performance.now(), wallNow: () => Date.now() },
    {
      pageVisible: () => document.visibilityState === 'visible',
      windowFocused: () => document.hasFocus(),
      machineActive,
      isPlaying: (el) => guarded('dom.isPlaying', () => platform.dom.isPlaying?.(el) ?? true, true),
    },
    (record) => {
      const item = session.itemFor(record.el, record.itemId);
      session.emit('impression', { at: record.at, dwellMs: record.dwellMs, attentionMs: record.attentionMs }, item);
    },
  );

  const io = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!watched.has(entry.target)) continue; // unwatched or gone since the entry was queued
        tracker.setRatio(entry.target, entry.isIntersecting ? entry.intersectionRatio : 0, ids.get(entry.target) ?? null);
      }
    },
    { threshold: THRESHOLDS },
  );

  /** Items the observer watches now: the known ones near the viewport. */
  const watched = new Set<Element>();
  /** Moving items whose ratio is set from feed order, not observed (narrowByOrder), with that ratio. */
  const assumed = new Map<Element, number>();
  const watch = (el: Element): void => {
    if (watched.has(el)) return;
    assumed.delete(el);
    watched.add(el);
    io.observe(el); // the observer reports the initial ratio asynchronously
  };
  /** Stop observing `el`; whether it was observed. */
  const stopObserving = (el: Element): boolean => {
    if (!watched.delete(el)) return false;
    io.unobserve(el);
    return true;
  };
  const unwatch = (el: Element): void => {
    const observed = stopObserving(el);
    if (observed || assumed.delete(el)) tracker.setRatio(el, 0, ids.get(el) ?? null); // far from view is out of view
  };
  const assume = (el: Element, ratio: number): void => {
    if (assumed.get(el) === ratio) return; // as it was: each slide decides again for every item it moves
    stopObserving(el);
    assumed.set(el, ratio);
    tracker.setRatio(el, ratio, ids.get(el) ?? null);
  };

  /** The items found by the last scan, in document order (feed order). */
  let order: Element[] = [];
  const scan = new ItemScan(platform.dom);
  /** Find the items again: where `changes` happened, or (none given) across the document. */
  const rescan = (changes: FeedChanges | null = null): void => {
    const found = scan.scan(changes);
    const seen = new Set<Element>();
    order = found.map((f) => f.el);
    orderDecided = false;
    const fresh: Element[] = [];
    for (const { el, id } of found) {
      seen.add(el);
      if (!ids.has(el)) {
        ids.set(el, id);
        fresh.push(el); // new items may be in view already; narrow() drops the far ones once the page has settled
      } else if (ids.get(el) !== id) {
        ids.set(el, id); // a recycled element now shows another item: IO will not fire, so re-observe for a fresh ratio
        if (watched.has(el)) {
          io.unobserve(el);
          io.observe(el);
        } else {
          assumed.delete(el); // decided again for the item it shows now
          tracker.setRatio(el, 0, id);
        }
      }
    }
    for (const el of [...ids.keys()]) {
      if (seen.has(el) && el.isConnected) continue;
      stopObserving(el);
      assumed.delete(el);
      ids.delete(el);
      tracker.forget(el);
    }
    // While the feed moves, order decides which moving new items are watched; all others are watched at first.
    const decided = motion.isMovingAny(order) && narrowByOrder();
    for (const el of fresh) if (!decided || !motion.isMoving(el)) watch(el);
  };

  /**
   * Watch the known items near the viewport, and only those. Boxes are read only when none of the items is moving
   * (motion.ts): otherwise a task after the motion ends.
   */
  let narrowDue = false;
  const narrow = (): void => {
    if (motion.isMovingAny(ids.keys())) {
      narrowDue = true;
      if (!orderDecided) narrowByOrder();
      return;
    }
    narrowDue = false;
    const view = { width: window.innerWidth, height: window.innerHeight };
    for (const el of ids.keys()) {
      if (guarded('item box', () => isNear(el.getBoundingClientRect(), view), true)) watch(el);
      else unwatch(el);
    }
  };
  /**
   * While items move (a feed sliding on, perhaps without pause: a fast flick starts the next slide before the last
   * has stopped) neither their boxes are read nor are they observed: the active one counts as in view, the other
   * moving ones as out of view (this file's header). Items that are not moving keep their state. The boxes and
   * the observer decide again once the motion has ended. Decided once per scan and per start of a motion (the
   * active item changes with the DOM, and a DOM change brings a scan).
   */
  let orderDecided = false;
  const narrowByOrder = (): boolean => {
    const active = activeItemNow(platform.dom)?.el ?? null;
    const at = active ? order.findIndex((el) => el === active || el.contains(active)) : -1;
    if (at < 0) return false; // no active item among them: the boxes decide, once the motion has ended
    order.forEach((el, i) => {
      if (motion.isMoving(el)) assume(el, i === at ? MOVING_ACTIVE_RATIO : 0);
    });
    return (orderDecided = true);
  };
  // Scrolling and resizing move items without a DOM change: read nearness again, at most every PROXIMITY_RECHECK_MS.
  let narrowing = false;
  const narrowSoon = (): void => {
    if (narrowing) return;
    narrowing = true;
    after(ctx, PROXIMITY_RECHECK_MS, () => {
      narrowing = false;
      narrow();
    });
  };
  motion.onChange((started) => {
    if (!started) {
      if (narrowDue) narrow();
      return;
    }
    // A motion that carries watched items: stop observing them now, not at the next feed change.
    for (const el of watched) {
      if (!started.contains(el)) continue;
      orderDecided = false;
      narrow();
      return;
    }
  });
  ctx.addEventListener(document, 'scroll', narrowSoon, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', narrowSoon, { passive: true });

  const refresh = (): void => tracker.refresh();
  ctx.addEventListener(document, 'visibilitychange', refresh);
  ctx.addEventListener(window, 'focus', refresh);
  ctx.addEventListener(window, 'blur', refresh);
  for (const type of PLAYBACK_EVENTS) ctx.addEventListener(document, type, refresh, { capture: true });
  ctx.addEventListener(window, 'pagehide', () => tracker.endAll());
  ctx.addEventListener(window, 'pageshow', refresh);
  session.onNavigate('leave', () => tracker.endAll());
  session.onNavigate('arrive', () => {
    rescan();
    tracker.refresh();
  });
  ctx.onInvalidated(() => {
    tracker.endAll();
    io.disconnect();
  });
  rescan();
  return { rescan, narrow, moving: () => motion.isMovingAny(order) };
}
