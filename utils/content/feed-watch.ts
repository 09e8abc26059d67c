/**
 * One MutationObserver on the feed container (childList + the platform's "active item" attributes). No polling:
 * nothing runs while the feed is still. Our own overlay host's changes are ignored so an update can't trigger
 * itself, and so is text churn (a player's clock rewrites its text several times a second; text edited in place,
 * `characterData`, is not watched either).
 *
 * Checks of changes are throttled to one per FEED_CHECK_INTERVAL_MS, and each change gets two:
 *  - the first at once, in the observer's callback after a quiet spell: that runs right after the page's own
 *    change, before the frame that draws it, so the overlay moves in that same frame and the new items are observed
 *    for viewability in it too (both would cost a frame of their own later: an IntersectionObserver.observe() or a
 *    requestAnimationFrame() inside a frame asks for the next one); changes within the interval are checked
 *    together in an animation frame at its end;
 *  - a settle check FEED_SETTLE_MS later, in a plain task: a feed that slides or fades its items (a CSS
 *    transition, no further DOM change) has settled by then, so an active item found by position is found. It only
 *    re-reads the active item, unless the DOM changed again meanwhile.
 * A change that comes while the feed is still moving (the `moving` handler says so: a fast flick starts the next
 * slide before the last one has stopped) gets only the settle check, which then also reads the changes: a check at
 * once would find the chips hidden (they wait for the motion) and the viewability already watching the next items.
 * While the feed keeps moving (flick after flick) its changes are read together, at most every MOVING_CHECK_MS, and
 * at once when the motion ends (`motionEnded`): a check per flick would cost the page a check per item for chips
 * that stay hidden and items that pass faster than any impression.
 */
import { guarded } from './guard';
import type { FeedChanges } from './item-scan';
import type { Session } from './session';
import { after, inFrame, stillValid } from './timers';

/** At most one check of DOM changes per this long. Milliseconds. */
export const FEED_CHECK_INTERVAL_MS = 100;
/** The settle check comes this long after a check of changes (a 250 ms slide is four-fifths done). Milliseconds. */
export const FEED_SETTLE_MS = 120;
const DEFAULT_ATTRIBUTES = ['class', 'id', 'hidden', 'aria-hidden'];
export const OVERLAY_HOST_ATTR = 'data-guangjie-item';
/**
 * While the feed keeps moving, its changes are checked at most this often; the end of the motion is checked at
 * once. Milliseconds. An item flicked past can be taken for the active one up to this much too long (its dwell,
 * utils/content/impressions.ts): this stays well below IMPRESSION_MIN_MS (2 s), so that cannot make an impression.
 */
export const MOVING_CHECK_MS = 500;
/** A feed container still in the page is looked up again at most this often (another may have replaced it). Milliseconds. */
const CONTAINER_RECHECK_MS = 2_000;
/** More changed elements than this between two checks are not listed: the check scans the whole document. */
const CHANGES_LISTED_MAX = 500;

/** Our overlay host. What is inside it is in its shadow root, which the page's observer never sees. */
const isOurs = (node: Node): boolean => node instanceof Element && node.hasAttribute(OVERLAY_HOST_ATTR);
const isPageElement = (node: Node): boolean => node instanceof Element && !isOurs(node);

/**
 * Whether any of the records can add, remove or (re)activate a feed item — a page element in or out, or a watched
 * attribute — listing into `changes` (when given) the page elements added, the elements re-attributed and those that
 * lost a page element (what was removed is no longer connected, so its parent is listed). One pass,
 * index loops: the observer's callback runs for every change on the page, a player's clock included.
 */
export function readRecords(records: ArrayLike<Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes'>>, changes: FeedChanges | null): boolean {
  let may = false;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.type === 'attributes') {
      if (isOurs(r.target)) continue;
      may = true;
      changes?.attributed.add(r.target as Element);
      continue;
    }
    const added = r.addedNodes;
    for (let j = 0; j < added.length; j++) {
      if (!isPageElement(added[j])) continue;
      may = true;
      changes?.added.add(added[j] as Element);
    }
    if (may && !changes) continue;
    const removed = r.removedNodes;
    for (let j = 0; j < removed.length; j++) {
      if (!isPageElement(removed[j])) continue;
      may = true;
      if (changes && r.target instanceof Element) changes.emptied.add(r.target);
      break;
    }
  }
  return may;
}

export interface FeedHandlers {
  /**
   * Items may have been added, removed or recycled: `changes` lists the elements the changes touched, or is null
   * when it cannot (a navigation, a check asked for, too many changes to list).
   */
  items(changes: FeedChanges | null): void;
  /** Which item is active may have changed: runs on every check, after `items` when that is due. */
  active(): void;
  /** A settle check: the page's change has (nearly) finished moving things; runs after `active`. */
  settled?(): void;
  /** Whether the feed's items are moving now: then a change waits for the settle check. */
  moving?(): boolean;
}

export interface FeedWatch {
  /** Check everything soon (a navigation). */
  check(): void;
  /** Check only which item is active soon (the pointer moved on a grid: no DOM changed). */
  checkActive(): void;
  /** The page's motions have ended (motion.ts): a settle check on its way runs now. */
  motionEnded(): void;
}

export function watchFeed(session: Session, handlers: FeedHandlers): FeedWatch {
  const { ctx, platform } = session;
  let itemsDue = false;
  /** What changed since the last check of items; null when that is not known. */
  let changes: FeedChanges | null = null;
  let lastCheck = -Infinity;
  /** The check already scheduled (a settle check gives way to a check of new changes); null when none is. */
  let scheduled: { cancel(): void; settle: boolean } | null = null;
  let observed: Element | null = null;

  const feedMoving = (): boolean => guarded('feed moving', () => handlers.moving?.() ?? false, false);
  const settleLater = (ms: number): void => {
    scheduled = { settle: true, cancel: after(ctx, ms, () => run(true)) };
  };
  const run = (settling: boolean): void => {
    scheduled = null;
    // The timer or frame ran this only if the script is still valid. A new container: scan the whole document.
    const swapped = reobserveIfReplaced();
    const items = itemsDue || swapped;
    const changed = swapped ? null : changes;
    itemsDue = false;
    changes = { added: new Set(), attributed: new Set(), emptied: new Set() };
    // A quiet settle check does not hold back the next change's check: only checks that saw changes count.
    if (items || !settling) lastCheck = performance.now();
    if (items) guarded('feed items handler', () => handlers.items(changed), undefined);
    guarded('active item handler', handlers.active, undefined);
    if (settling && handlers.settled) guarded('settled handler', handlers.settled, undefined);
    // A check that saw DOM changes (or came first) is followed by a settle check; a quiet settle check ends it.
    // While the feed still moves, that waits for the motion's end (or MOVING_CHECK_MS).
    if (items || !settling) settleLater(feedMoving() ? MOVING_CHECK_MS : FEED_SETTLE_MS);
  };
  const schedule = (): void => {
    if (scheduled && !scheduled.settle) return; // the check on its way will see this change too
    if (feedMoving()) {
      // A pending settle check reads this change too; else one comes when the motion ends, or MOVING_CHECK_MS on.
      if (!scheduled) settleLater(MOVING_CHECK_MS);
      return;
    }
    scheduled?.cancel(); // a pending settle check: the check of this change does its work, and settles after
    const wait = lastCheck + FEED_CHECK_INTERVAL_MS - performance.now();
    if (wait <= 0) return stillValid(ctx) ? run(false) : undefined;
    const inNextFrame = (): void => {
      scheduled = { settle: false, cancel: inFrame(ctx, () => run(false)) };
    };
    scheduled = { settle: false, cancel: after(ctx, wait, inNextFrame) };
  };

  const observer = new MutationObserver((records) => {
    if (itemsDue && !changes) return; // a check is due and scans the whole document: nothing to list
    if (!readRecords(records, changes)) return;
    // Past CHANGES_LISTED_MAX elements, stop listing: the check scans the whole document.
    if (changes && changes.added.size + changes.attributed.size + changes.emptied.size > CHANGES_LISTED_MAX) changes = null;
    if (itemsDue) return;
    itemsDue = true;
    schedule();
  });
  const attributeFilter = guarded('dom.watchedAttributes', () => platform.dom.watchedAttributes, undefined) ?? DEFAULT_ATTRIBUTES;

  // The feed container can be swapped out by a SPA route change; then watch the new one. A container still in the
  // page is looked for again at most every CONTAINER_RECHECK_MS (a query of the document on every check, else).
  let containerCheckedAt = -Infinity;
  /** Whether it did (the first time too). */
  function reobserveIfReplaced(): boolean {
    const now = performance.now();
    if (observed && observed !== document.body && observed.isConnected && now - containerCheckedAt < CONTAINER_RECHECK_MS) return false;
    containerCheckedAt = now;
    const container = guarded('dom.feedContainer', () => platform.dom.feedContainer?.(document), null) ?? document.body;
    if (!container || container === observed) return false;
    observer.disconnect();
    observed = container;
    observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter });
    // A body-level childList watch notices when a specific container is replaced.
    if (container !== document.body && document.body) observer.observe(document.body, { childList: true, subtree: true });
    return true;
  }

  reobserveIfReplaced();
  ctx.onInvalidated(() => observer.disconnect());
  return {
    check() {
      itemsDue = true;
      changes = null; // a navigation: scan the whole document, and look for the feed container again
      containerCheckedAt = -Infinity;
      schedule();
    },
    checkActive: schedule,
    motionEnded() {
      if (!scheduled?.settle) return;
      scheduled.cancel();
      run(true);
    },
  };
}
