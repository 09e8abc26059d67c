/**
 * Wires the ImpressionTracker (utils/content/viewability.ts) to the page: an IntersectionObserver on every feed
 * item the platform finds (re-scanned when the feed changes), tab visibility, window focus, playback events and
 * navigation. Each qualified episode becomes one 'impression' touchpoint.
 */
import { guarded } from './guard';
import type { Session } from './session';
import { IMPRESSION_MIN_VISIBLE_RATIO, ImpressionTracker } from './viewability';
import { watchMachineActive } from './idle-state';

/**
 * The one ratio the tracker acts on (an item is viewable from 50 % in view): the observer reports each crossing of it,
 * and the first ratio of every element it starts observing. More thresholds would only wake the script more often
 * while a feed slides.
 */
const THRESHOLDS = [IMPRESSION_MIN_VISIBLE_RATIO];
/** Media events that change whether an item's player is playing; captured at the document (they don't bubble). */
const PLAYBACK_EVENTS = ['play', 'playing', 'pause', 'waiting', 'ended'];

export function trackImpressions(session: Session): { rescan(): void } {
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
        if (!ids.has(entry.target)) continue;
        tracker.setRatio(entry.target, entry.isIntersecting ? entry.intersectionRatio : 0, ids.get(entry.target) ?? null);
      }
    },
    { threshold: THRESHOLDS },
  );

  const rescan = (): void => {
    const found = guarded('dom.findItems', () => platform.dom.findItems(document), []);
    const seen = new Set<Element>();
    for (const { el, id } of found) {
      seen.add(el);
      if (!ids.has(el)) {
        ids.set(el, id);
        io.observe(el); // the observer reports the initial ratio asynchronously
      } else if (ids.get(el) !== id) {
        ids.set(el, id); // a recycled element now shows another item: IO will not fire, so re-observe for a fresh ratio
        io.unobserve(el);
        io.observe(el);
      }
    }
    for (const el of [...ids.keys()]) {
      if (seen.has(el) && el.isConnected) continue;
      io.unobserve(el);
      ids.delete(el);
      tracker.forget(el);
    }
  };

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
  return { rescan };
}
