/**
 * The feed items in the document, kept up to date from the feed's DOM changes instead of found again across the
 * whole document on every change. A whole-document query with every item selector cost about 0.2 ms a change on
 * the replica feed (~560 elements × a dozen selectors; docs/PERFORMANCE.md); the elements a change added or
 * re-attributed are a few dozen.
 *
 * Same result as `platform.dom.findItems(document)` — the outermost matches, in document order, with their ids —
 * as long as the changes it is told about are all the changes there were. They may not be: the feed watcher sees
 * only its container's attributes, and only the attributes the platform names. So a whole-document scan still runs
 * when there are no changes to go by (the first scan, a navigation, too many changes to list) and at least every
 * FULL_SCAN_MS, which bounds how late an item that appeared through an unwatched change is found. (A whole-document
 * scan costs 0.2–0.5 ms on the replica; run once a second, at the benchmark's eight items a second, it was a fifth
 * of all the scanning.)
 *
 * Ids likewise: an item's id is read again (a few attribute reads and queries inside it) only when it is new or
 * moved, or a change was on it or inside it; else the id read before stands. An id changed through an attribute the
 * watcher does not see is read again by the next whole-document scan, within FULL_SCAN_MS, as an unseen item is
 * found then (platforms watch the attributes their ids come from, so this is the rare case).
 */
import type { Platform } from '../platforms/types';
import { guarded } from './guard';

/** A whole-document scan at least this often while the feed changes. Milliseconds. */
export const FULL_SCAN_MS = 2_000;

/** What changed in the feed since the last scan, as the feed watcher's MutationObserver saw it. */
export interface FeedChanges {
  /** Page elements added (each with its subtree). */
  added: Set<Element>;
  /** Elements whose watched attributes changed. */
  attributed: Set<Element>;
  /** Elements that lost a page element child (what left the document is not connected, so not listed). */
  emptied: Set<Element>;
}

export interface FoundItem {
  el: Element;
  id: string | null;
}

type Dom = Platform['dom'];

const precedes = (a: Element, b: Element): boolean => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/**
 * Place each of `fresh` into `items` (in document order, none inside another) where it belongs: dropped when inside
 * an item, and replacing the items inside it. In document order an element's descendants follow it, so only the
 * neighbours need a look; a binary search finds the place (a sort of them all read the DOM far more often).
 */
export function insertOutermost(items: Element[], fresh: Iterable<Element>): Element[] {
  for (const el of fresh) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(items[mid], el)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && items[lo - 1].contains(el)) continue;
    let inside = 0;
    while (lo + inside < items.length && el.contains(items[lo + inside])) inside++;
    items.splice(lo, inside, el);
  }
  return items;
}

export class ItemScan {
  private items: Element[] = [];
  private lastFullAt = -Infinity;
  private readonly insideOf = new WeakMap<Element, Element>();
  /** The id last read of each item. */
  private readonly ids = new WeakMap<Element, string | null>();

  constructor(
    private readonly dom: Dom,
    private readonly doc: Document = document,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The items now: from `changes` when they can be trusted to be all there were, else by a whole-document scan. */
  scan(changes: FeedChanges | null): FoundItem[] {
    const { isItem, itemId } = this.dom;
    if (!changes || !isItem || !itemId || this.now() - this.lastFullAt >= FULL_SCAN_MS) return this.full();
    const matches = (el: Element): boolean => guarded('dom.isItem', () => isItem(el), false);
    // Items where the changes were: added elements that are items and the items inside them (a known item among
    // them has moved, so it is placed again), elements that became items, and the items inside a former item.
    // A known item that is still one stays where it is (a feed re-attributes every rendered slide on each move).
    const fresh = new Set<Element>();
    const subtrees: Element[] = [];
    for (const el of changes.added) {
      if (!el.isConnected) continue;
      if (matches(el)) fresh.add(el);
      subtrees.push(el);
    }
    const stays = new Set<Element>();
    for (const el of this.items) {
      if (!el.isConnected) continue;
      if (!changes.attributed.has(el) || matches(el)) stays.add(el);
      else subtrees.push(el);
    }
    /** Ids the subtree queries below read already. */
    const readNow = new Map<Element, string | null>();
    for (const root of subtrees) {
      for (const { el, id } of guarded('dom.findItems', () => this.dom.findItems(root), [])) {
        fresh.add(el);
        readNow.set(el, id);
      }
    }
    for (const el of changes.attributed) {
      // Inside an item that stays, no change to its attributes can make it an item (it is not the outermost match).
      if (stays.has(el) || !el.isConnected || this.holderIn(el, stays)) continue;
      if (matches(el)) fresh.add(el);
    }
    for (const el of fresh) stays.delete(el); // moved: placed again below
    this.items = insertOutermost([...stays], fresh);
    // Ids kept are those of items no change was on or inside.
    const unchanged = new Set(stays);
    for (const set of [changes.added, changes.attributed, changes.emptied]) {
      for (const el of set) {
        if (unchanged.size === 0) break;
        const holder = this.holderIn(el, unchanged);
        if (holder) unchanged.delete(holder);
      }
    }
    return this.items.map((el) => {
      if (unchanged.has(el) && this.ids.has(el)) return { el, id: this.ids.get(el) ?? null };
      const id = readNow.has(el) ? (readNow.get(el) ?? null) : guarded('dom.itemId', () => itemId(el), null);
      this.ids.set(el, id);
      return { el, id };
    });
  }

  /**
   * The element of `set` that is `el` or holds it, or null. The holder found is remembered, so a player's elements,
   * re-attributed as each slide plays, are placed with one check, not a walk up the tree.
   */
  private holderIn(el: Element, set: Set<Element>): Element | null {
    const known = this.insideOf.get(el);
    if (known && set.has(known) && known.contains(el)) return known;
    for (let up: Element | null = el; up; up = up.parentElement) {
      if (!set.has(up)) continue;
      if (up !== el) this.insideOf.set(el, up);
      return up;
    }
    return null;
  }

  private full(): FoundItem[] {
    this.lastFullAt = this.now();
    const found = guarded('dom.findItems', () => this.dom.findItems(this.doc), []);
    this.items = found.map((f) => f.el);
    for (const f of found) this.ids.set(f.el, f.id);
    return found;
  }
}
