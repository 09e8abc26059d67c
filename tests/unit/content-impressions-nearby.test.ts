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

  it('while the feed moves, watches the active item and its neighbours in feed order, reading no box', async () => {
    let active = 0;
    const { slides, impressions, io } = setup(() => active);
    const reads = slides.map((el) => vi.spyOn(el, 'getBoundingClientRect'));
    transition('transitionrun', document.body); // a flick: the whole feed slides
    impressions.rescan();
    expect([...io.watching]).toEqual([slides[0], slides[1]]);
    active = 1; // flicked on before the slide stopped: the motion goes on
    impressions.rescan();
    expect([...io.watching]).toEqual([slides[0], slides[1], slides[2]]);
    active = 2;
    slides[0].remove(); // the virtualised feed drops a slide and adds one far below
    const added = document.createElement('div');
    added.className = 'slide';
    added.setAttribute('data-id', '4');
    document.body.append(added);
    slides.push(added);
    boxAt(added, 4 * 800);
    impressions.narrow();
    impressions.rescan();
    expect(new Set(io.watching)).toEqual(new Set([slides[1], slides[2], slides[3]]));
    for (const read of reads) expect(read).not.toHaveBeenCalled();
    // Stopped: the boxes decide (slide 2 on screen now, 1 and 3 a screen away; the new slide two screens below).
    slides.forEach((el, i) => boxAt(el, (i - 2) * 800));
    const read = vi.spyOn(slides[2], 'getBoundingClientRect');
    transition('transitionend', document.body);
    await new Promise((r) => setTimeout(r, 5));
    expect(new Set(io.watching)).toEqual(new Set([slides[1], slides[2], slides[3]]));
    expect(read).toHaveBeenCalled();
  });

  it('a moving feed with no active item found: new items are all watched, as when still', () => {
    const { slides, impressions, io } = setup(() => null);
    transition('transitionrun', document.body);
    impressions.narrow();
    expect([...io.watching]).toEqual(slides);
  });
});
