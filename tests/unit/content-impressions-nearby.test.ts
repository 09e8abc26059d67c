import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Platform } from '@/utils/platforms/types';
import type { Session } from '@/utils/content/session';
import { trackImpressions } from '@/utils/content/impressions';
import { watchMotion } from '@/utils/content/motion';
import { transition } from './dom-events';

/** An IntersectionObserver that records what it watches; the test delivers its entries. */
class FakeIO {
  static last: FakeIO;
  watching = new Set<Element>();
  constructor(readonly callback: (entries: Array<Partial<IntersectionObserverEntry>>) => void) {
    FakeIO.last = this;
  }
  observe(el: Element) { this.watching.add(el); }
  unobserve(el: Element) { this.watching.delete(el); }
  disconnect() { this.watching.clear(); }
  report(el: Element, ratio: number) { this.callback([{ target: el, isIntersecting: ratio > 0, intersectionRatio: ratio }]); }
}

const boxAt = (el: Element, top: number) => {
  el.getBoundingClientRect = () => ({ left: 0, top, right: 1000, bottom: top + 800, width: 1000, height: 800, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
};

let ctx: ContentScriptContext;
beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIO);
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1000 });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 800 });
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
});
afterEach(() => {
  ctx?.abort();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** `active()`: the index of the slide the platform calls active, or null (none found). */
function setup(active: () => number | null = () => null) {
  ctx = new ContentScriptContext('impressions-nearby-test');
  document.body.innerHTML = [0, 1, 2, 3].map((i) => `<div class="slide" data-id="${i}"></div>`).join('');
  const slides = [...document.querySelectorAll('.slide')];
  slides.forEach((el, i) => boxAt(el, i * 800)); // slide 0 on screen, the others below, a screen apart
  const emitted: Array<{ type: string; dwellMs?: number }> = [];
  const session = {
    ctx,
    platform: {
      dom: {
        findItems: () => slides.filter((el) => el.isConnected).map((el) => ({ el, id: el.getAttribute('data-id') })),
        activeItem: () => { const i = active(); return i === null ? null : { el: slides[i], id: String(i) }; },
      },
    } as unknown as Platform,
    emit: (type: string, fields: { dwellMs?: number }) => emitted.push({ type, ...fields }),
    itemFor: (_el: Element, id: string | null) => ({ id }),
    onNavigate: () => {},
  } as unknown as Session;
  return { slides, emitted, impressions: trackImpressions(session, watchMotion(ctx)), io: FakeIO.last };
}


describe('viewability watches only the items near the viewport', () => {
  it('reads no box while an item moves: narrows a task after the motion has ended', async () => {
    const { slides, impressions, io } = setup();
    const read = vi.spyOn(slides[3], 'getBoundingClientRect');
    transition('transitionrun', document.body);
    impressions.narrow();
    expect(read).not.toHaveBeenCalled();
    expect(io.watching.size).toBe(4);
    transition('transitionend', document.body);
    await new Promise((r) => setTimeout(r, 5));
    expect(read).toHaveBeenCalled();
    expect([...io.watching]).toEqual([slides[0], slides[1]]);
  });

  it('watches every new item at first, then only those within a viewport once the page has settled', () => {
    const { slides, impressions, io } = setup();
    expect([...io.watching]).toEqual(slides);
    impressions.narrow();
    expect([...io.watching]).toEqual([slides[0], slides[1]]);
    // The feed moves on by one: slide 2 comes near, slide 0 stays near (a screen above).
    slides.forEach((el, i) => boxAt(el, (i - 1) * 800));
    impressions.narrow();
    expect(new Set(io.watching)).toEqual(new Set([slides[0], slides[1], slides[2]]));
  });

  it('an item moved far away is out of view: its episode ends, and a late entry for it is ignored', () => {
    vi.useFakeTimers({ toFake: ['performance', 'Date'] });
    try {
      const { slides, emitted, impressions, io } = setup();
      io.report(slides[0], 1);
      vi.advanceTimersByTime(2_500);
      slides.forEach((el, i) => boxAt(el, (i - 3) * 800)); // jumped three slides on: slide 0 is far above
      impressions.narrow();
      expect(io.watching.has(slides[0])).toBe(false);
      expect(emitted).toEqual([expect.objectContaining({ type: 'impression', dwellMs: 2_500 })]);
      io.report(slides[0], 1); // queued before it was unwatched
      vi.advanceTimersByTime(2_500);
      window.dispatchEvent(new Event('pagehide')); // ends every open episode: there must be none
      expect(emitted).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  /** What separates our script's runs: a microtask checkpoint at least (utils/content/active-item.ts). */
  const pageTask = () => Promise.resolve();

  it('while the feed moves, observes none of the moving items: the active one counts as in view, reading no box', async () => {
    vi.useFakeTimers({ toFake: ['performance', 'Date'] });
    try {
      let active = 0;
      const { slides, emitted, impressions, io } = setup(() => active);
      impressions.narrow(); // still: slides 0 and 1 are near
      io.report(slides[0], 1);
      vi.advanceTimersByTime(2_500);
      const reads = slides.map((el) => vi.spyOn(el, 'getBoundingClientRect'));
      transition('transitionrun', document.body); // a flick: the whole feed slides, slide 0 still the active one
      expect(io.watching.size).toBe(0);
      expect(emitted).toEqual([]); // slide 0 counts as in view until the feed says another item is active
      active = 1; // the feed marks the next slide active; its settle check rescans
      await pageTask(); // the page's change comes in a task of its own (the active item is read once per run)
      impressions.rescan();
      expect(emitted).toEqual([expect.objectContaining({ type: 'impression', dwellMs: 2_500 })]);
      vi.advanceTimersByTime(2_100);
      active = 2; // flicked on before the slide stopped: the motion goes on
      await pageTask();
      slides[0].remove(); // the virtualised feed drops a slide and adds one far below
      const added = document.createElement('div');
      added.className = 'slide';
      added.setAttribute('data-id', '4');
      document.body.append(added);
      slides.push(added);
      boxAt(added, 4 * 800);
      impressions.rescan();
      expect(io.watching.size).toBe(0);
      expect(emitted.map((e) => e.dwellMs)).toEqual([2_500, 2_100]); // slide 1, in view 2.1 s while it was active
      for (const read of reads) expect(read).not.toHaveBeenCalled();
      // Stopped: the boxes decide (slide 2 on screen now, 1 and 3 a screen away; the new slide two screens
      // below), and the observer measures the near ones again.
      slides.forEach((el, i) => boxAt(el, (i - 2) * 800));
      const read = vi.spyOn(slides[2], 'getBoundingClientRect');
      transition('transitionend', document.body);
      await vi.waitFor(() => expect(new Set(io.watching)).toEqual(new Set([slides[1], slides[2], slides[3]])));
      expect(read).toHaveBeenCalled();
      io.report(slides[2], 0.2); // measured: less than half of it is in view after all
      vi.advanceTimersByTime(100);
      window.dispatchEvent(new Event('pagehide'));
      expect(emitted).toHaveLength(2); // slide 2's episode ended at the measurement, under 2 s
    } finally {
      vi.useRealTimers();
    }
  });

  it('a moving feed with no active item found: new items are all watched, as when still', () => {
    const { slides, impressions, io } = setup(() => null);
    transition('transitionrun', document.body);
    impressions.narrow();
    expect([...io.watching]).toEqual(slides);
  });
});
