/**
 * Impressions, dwell and attention, as measured in the content script.
 *
 * - An item is VIEWABLE while at least IMPRESSION_MIN_VISIBLE_RATIO (50%) of it is inside the viewport AND the tab is
 *   visible (`document.visibilityState === 'visible'`).
 * - A VIEW EPISODE runs from the moment an item becomes viewable until it stops being viewable: it leaves view, the
 *   tab is hidden, the page navigates (SPA or pagehide), or a recycled element starts showing another item.
 *   A hidden tab therefore ends the episode; time hidden never counts.
 * - DWELL is the viewable time of the episode. An episode whose dwell reaches IMPRESSION_MIN_MS (2 s, one continuous
 *   run) is an IMPRESSION; one 'impression' touchpoint is emitted when it ends. An item skipped in under 2 s makes none.
 * - ATTENTION is the part of dwell during which, in addition, the window has focus (`document.hasFocus()`), the
 *   machine is neither idle (no input for IDLE_DETECTION_S) nor locked (`browser.idle`, relayed by the background),
 *   and the item's player is playing (the platform's optional `dom.isPlaying`; assumed playing when it can't tell).
 *   We cannot see the user's eyes: a focused, playing tab watched without touching the machine counts until the
 *   idle threshold passes.
 * Durations use a monotonic clock (`performance.now()`); `at` is the wall-clock time the episode began.
 * The ratios come from the caller (impressions.ts): measured by an IntersectionObserver, except while the feed
 * slides, when the active item counts as in view and the other moving ones as out of view (its header says why).
 */
import { IMPRESSION_MIN_MS, IMPRESSION_MIN_VISIBLE_RATIO } from '../journeys/definitions';

export { IMPRESSION_MIN_MS, IMPRESSION_MIN_VISIBLE_RATIO };

export interface TrackerClock {
  /** Monotonic milliseconds (performance.now()). */
  now(): number;
  /** Epoch milliseconds (Date.now()). */
  wallNow(): number;
}

export interface TrackerEnvironment {
  pageVisible(): boolean;
  windowFocused(): boolean;
  /** The machine is in use (not idle, not locked); absent = always. */
  machineActive?(): boolean;
  isPlaying(el: Element): boolean;
}

export interface ImpressionRecord {
  el: Element;
  /** The item's id when the DOM gave it at the time; null otherwise (the caller may resolve it later). */
  itemId: string | null;
  /** Episode start, epoch ms. */
  at: number;
  dwellMs: number;
  attentionMs: number;
}

interface Episode {
  itemId: string | null;
  at: number;
  /** Monotonic time of the last accounting step. */
  since: number;
  dwellMs: number;
  attentionMs: number;
  attentive: boolean;
}

export class ImpressionTracker {
  private ratios = new Map<Element, { ratio: number; itemId: string | null }>();
  private episodes = new Map<Element, Episode>();

  constructor(
    private readonly clock: TrackerClock,
    private readonly env: TrackerEnvironment,
    private readonly onImpression: (record: ImpressionRecord) => void,
  ) {}

  /** An IntersectionObserver (or a rescan) reported this element's visible ratio. */
  setRatio(el: Element, ratio: number, itemId: string | null): void {
    const prior = this.ratios.get(el);
    if (prior && prior.itemId !== itemId && this.episodes.has(el)) this.end(el); // recycled element, new item
    this.ratios.set(el, { ratio, itemId });
    this.evaluate(el);
  }

  /** The element left the DOM. */
  forget(el: Element): void {
    this.end(el);
    this.ratios.delete(el);
  }

  /** Tab visibility, window focus or playback changed: re-evaluate every known element. */
  refresh(): void {
    for (const el of this.ratios.keys()) this.evaluate(el);
  }

  /** Navigation or pagehide: end every open episode now. */
  endAll(): void {
    for (const el of [...this.episodes.keys()]) this.end(el);
  }

  /** Elements being tracked (for rescans). */
  tracked(): Element[] {
    return [...this.ratios.keys()];
  }

  private evaluate(el: Element): void {
    const state = this.ratios.get(el);
    const viewable = !!state && state.ratio >= IMPRESSION_MIN_VISIBLE_RATIO && this.env.pageVisible();
    const episode = this.episodes.get(el);
    if (!viewable) {
      if (episode) this.end(el);
      return;
    }
    const attentive = this.attentive(el);
    if (!episode) {
      this.episodes.set(el, { itemId: state!.itemId, at: this.clock.wallNow(), since: this.clock.now(), dwellMs: 0, attentionMs: 0, attentive });
      return;
    }
    this.account(episode);
    episode.attentive = attentive;
  }

  private attentive(el: Element): boolean {
    return this.env.windowFocused() && (this.env.machineActive?.() ?? true) && this.env.isPlaying(el);
  }

  private account(episode: Episode): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - episode.since);
    episode.dwellMs += elapsed;
    if (episode.attentive) episode.attentionMs += elapsed;
    episode.since = now;
  }

  private end(el: Element): void {
    const episode = this.episodes.get(el);
    if (!episode) return;
    this.episodes.delete(el);
    this.account(episode);
    if (episode.dwellMs < IMPRESSION_MIN_MS) return;
    this.onImpression({
      el,
      itemId: episode.itemId,
      at: episode.at,
      dwellMs: Math.round(episode.dwellMs),
      attentionMs: Math.round(episode.attentionMs),
    });
  }
}
