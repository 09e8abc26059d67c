// The incremental item scan (utils/content/item-scan.ts) against the whole-document scan it stands in for: after
// any sequence of feed changes the feed watcher can see, both find the same items with the same ids, in order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dom } from '@/utils/platforms/douyin/dom';
import { FULL_SCAN_MS, ItemScan, insertOutermost, type FeedChanges } from '@/utils/content/item-scan';
import { readRecords } from '@/utils/content/feed-watch';

const WATCHED = dom.watchedAttributes!;
const ITEM_LOOKS = ['feed-video', 'feed-active-video', 'feed-live', 'video-desc', 'slideList'];

/** One slide as the recommend feed renders it: a wrapper, the item holder, a player, an id carrier. */
function slide(n: number): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'slide';
  wrap.innerHTML = `<div data-e2e="feed-video"><div class="xgplayer"><span class="cur">00:0${n % 10}</span></div><div data-e2e-vid="${7000000000 + n}"></div></div>`;
  return wrap;
}

type Op =
  | { kind: 'add'; at: number; n: number }
  | { kind: 'remove'; at: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'attr'; at: number; name: string; value: number }
  | { kind: 'nest'; at: number; into: number }
  | { kind: 'text'; at: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(40), n: fc.nat(99) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(200) }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(200), to: fc.nat(200) }),
  fc.record({ kind: fc.constant('attr' as const), at: fc.nat(200), name: fc.constantFrom(...WATCHED), value: fc.nat(ITEM_LOOKS.length) }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(40), into: fc.nat(200) }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(200) }),
);

function apply(list: HTMLElement, o: Op, serial: { n: number }): void {
  const els = [...list.querySelectorAll('*')];
  const pick = (i: number) => els[i % Math.max(els.length, 1)];
  switch (o.kind) {
    case 'add':
      list.insertBefore(slide(serial.n++), list.children[o.at % (list.children.length + 1)] ?? null);
      break;
    case 'remove':
      pick(o.at)?.remove();
      break;
    case 'move': {
      const el = pick(o.from);
      const to = pick(o.to);
      if (el && to && !el.contains(to)) to.parentElement?.insertBefore(el, to);
      break;
    }
    case 'attr': {
      const el = pick(o.at);
      if (!el) break;
      const value = o.value < ITEM_LOOKS.length ? ITEM_LOOKS[o.value] : null;
      if (o.name === 'data-e2e-vid') value === null ? el.removeAttribute(o.name) : el.setAttribute(o.name, String(7100000000 + o.value));
      else if (value === null) el.removeAttribute(o.name);
      else el.setAttribute(o.name, value);
      break;
    }
    case 'nest': {
      const into = pick(o.into);
      if (into) into.appendChild(slide(serial.n++));
      break;
    }
    case 'text': {
      const el = pick(o.at);
      if (el) el.textContent = '00:42';
      break;
    }
  }
}

const view = (found: Array<{ el: Element; id: string | null }>) => found.map((f) => ({ el: f.el, id: f.id }));

describe('the incremental item scan', () => {
  it('finds what a whole-document scan finds after any watched changes (fast-check)', () => {
    fc.assert(
      fc.property(fc.nat(8), fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (start, batches) => {
        document.body.innerHTML = '<div id="slidelist"><div data-e2e="slideList"></div></div>';
        const list = document.querySelector<HTMLElement>('[data-e2e="slideList"]')!;
        const serial = { n: 0 };
        for (let i = 0; i < start; i++) list.appendChild(slide(serial.n++));
        const scan = new ItemScan(dom, document, () => 0); // the clock stands still: no whole-document rescan is due
        expect(view(scan.scan(null))).toEqual(view(dom.findItems(document)));
        const observer = new MutationObserver(() => {});
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED });
        try {
          for (const batch of batches) {
            for (const o of batch) apply(list, o, serial);
            const changes: FeedChanges = { added: new Set(), attributed: new Set(), emptied: new Set() };
            readRecords(observer.takeRecords(), changes);
            expect(view(scan.scan(changes))).toEqual(view(dom.findItems(document)));
          }
        } finally {
          observer.disconnect();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads an id again only for items a change was on or inside, and sees a change of id there', () => {
    document.body.innerHTML = '<div data-e2e="slideList"></div>';
    const list = document.querySelector('[data-e2e="slideList"]')!;
    for (let n = 0; n < 5; n++) list.appendChild(slide(n));
    const read: Element[] = [];
    const counting = { ...dom, itemId: (el: Element) => (read.push(el), dom.itemId!(el)) };
    const scan = new ItemScan(counting, document, () => 0);
    scan.scan(null);
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED });
    const next = (): Array<string | null> => {
      const changes: FeedChanges = { added: new Set(), attributed: new Set(), emptied: new Set() };
      readRecords(observer.takeRecords(), changes);
      read.length = 0;
      return scan.scan(changes).map((f) => f.id);
    };
    try {
      const items = [...document.querySelectorAll('[data-e2e="feed-video"]')];
      items[1].querySelector('[data-e2e-vid]')!.setAttribute('data-e2e-vid', '7199999999'); // recycled: a new id inside
      items[3].querySelector('.cur')!.remove(); // a player's clock gone: a change inside, the same id
      expect(next()).toEqual(['7000000000', '7199999999', '7000000002', '7000000003', '7000000004']);
      expect(read).toEqual([items[1], items[3]]);
      items[2].querySelector('[data-e2e-vid]')!.remove(); // the id carrier gone: no id any more
      expect(next()).toEqual(['7000000000', '7199999999', null, '7000000003', '7000000004']);
      expect(read).toEqual([items[2]]);
      expect(next()).toEqual(['7000000000', '7199999999', null, '7000000003', '7000000004']);
      expect(read).toEqual([]);
    } finally {
      observer.disconnect();
    }
  });

  it('an item made by a change nobody watched is found by the whole-document scan that comes within FULL_SCAN_MS', () => {
    document.body.innerHTML = '<div data-e2e="slideList"><div class="card"></div></div>';
    let now = 0;
    const scan = new ItemScan(dom, document, () => now);
    expect(scan.scan(null)).toEqual([]);
    const card = document.querySelector('.card')!;
    card.setAttribute('data-aweme-id', '7300000000000000001'); // not a watched attribute
    const none: FeedChanges = { added: new Set(), attributed: new Set(), emptied: new Set() };
    now = FULL_SCAN_MS - 1;
    expect(scan.scan(none)).toEqual([]); // the changes listed say nothing of it
    now = FULL_SCAN_MS;
    expect(scan.scan(none)).toEqual([{ el: card, id: '7300000000000000001' }]);
  });

  it('scans the whole document when the platform cannot say what one element is', () => {
    document.body.innerHTML = '<div data-e2e="feed-video" data-e2e-vid="7300000000000000002"></div>';
    const { isItem: _isItem, ...withoutIsItem } = dom;
    const scan = new ItemScan(withoutIsItem, document, () => 0);
    scan.scan(null);
    document.body.insertAdjacentHTML('beforeend', '<div data-e2e="feed-video" data-e2e-vid="7300000000000000003"></div>');
    expect(scan.scan({ added: new Set(), attributed: new Set(), emptied: new Set() }).map((f) => f.id)).toEqual(['7300000000000000002', '7300000000000000003']);
  });
});

describe('insertOutermost', () => {
  it('keeps document order, drops what is inside an item and replaces the items inside a new one', () => {
    document.body.innerHTML = '<div id="a"><i id="a1"></i><i id="a2"></i></div><div id="b"></div><div id="c"></div>';
    const $ = (id: string) => document.getElementById(id)!;
    expect(insertOutermost([$('b')], [$('c'), $('a1'), $('a2')]).map((e) => e.id)).toEqual(['a1', 'a2', 'b', 'c']);
    expect(insertOutermost([$('a1'), $('a2'), $('c')], [$('a'), $('b')]).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(insertOutermost([$('a'), $('c')], [$('a2')]).map((e) => e.id)).toEqual(['a', 'c']);
  });
});
