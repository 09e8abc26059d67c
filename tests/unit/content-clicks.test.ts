import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClassifiedItem } from '@/utils/model/tags';
import type { Touchpoint, TouchpointType } from '@/utils/model/touchpoint';
import type { Platform } from '@/utils/platforms/types';
import type { Session } from '@/utils/content/session';
import { DomMemo } from '@/utils/content/dom-memo';
import { indexItems, itemContaining, trackClicks, URL_FACTS_KEPT, urlFacts } from '@/utils/content/clicks';

const contexts: ContentScriptContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.abort()));

/** Items are `<section data-id>`; a product link inside is a product click. findItems counts its calls. */
function fakeSession() {
  const ctx = new ContentScriptContext(`clicks-${contexts.length}`);
  contexts.push(ctx);
  const calls = { findItems: 0 };
  const platform = {
    id: 'douyin',
    dom: {
      findItems: (root: ParentNode) => (calls.findItems++, [...root.querySelectorAll('section')].map((el) => ({ el, id: el.getAttribute('data-id') }))),
      activeItem: () => null,
      clickKind: (t: Element) => (t.closest('a.product') ? 'product-click' : null),
    },
    urlFacts: (url: string) => ({ productId: new URL(url).searchParams.get('pid') ?? undefined }),
  } as unknown as Platform;
  const emitted: Touchpoint[] = [];
  const session = {
    ctx, platform, surface: 'recommend', pageUrl: location.href, roomIdsByWebRid: new Map(),
    itemFor: (_el: Element, id: string | null) => ({ platform: 'douyin', id, tags: [], productIds: [], shopIds: [] }) as unknown as ClassifiedItem,
    emit: (type: TouchpointType, fields: Partial<Touchpoint>, item?: ClassifiedItem) => {
      emitted.push({ type, ...fields, itemId: item?.id } as Touchpoint);
      return null;
    },
  } as unknown as Session;
  return { session, calls, emitted };
}

/** Three items, each with a product link; the page keeps its clicks from navigating, as the replica's tests do. */
const feed = () => {
  document.onclick = (e) => e.preventDefault();
  document.body.innerHTML = ['1000001', '1000002', '1000003']
    .map((id) => `<section data-id="${id}"><p>text</p><a class="product" href="/goods?pid=${id}9">buy</a></section>`).join('');
  return [...document.querySelectorAll<HTMLElement>('a.product')];
};

describe('the DOM memo', () => {
  it('computes once for the calls of one synchronous run', () => {
    document.body.innerHTML = '<i></i>';
    const memo = new DomMemo(document, () => document.querySelectorAll('i').length);
    expect([memo.get(), memo.get(), memo.get()]).toEqual([1, 1, 1]);
    expect(memo.computed).toBe(1);
  });

  it.each([
    ['a child added', () => document.body.append(document.createElement('i'))],
    ['an attribute changed', () => document.body.firstElementChild!.setAttribute('data-x', '1')],
    ['text changed', () => ((document.body.firstElementChild!.firstChild as Text).data = 'changed')],
    ['the URL changed', () => history.pushState(null, '', `/moved-${Math.random()}`)],
  ])('computes afresh after %s in the same run', (_what, change) => {
    document.body.innerHTML = '<i>text</i>';
    const memo = new DomMemo(document, () => document.querySelectorAll('i').length);
    memo.get();
    change();
    memo.get();
    expect(memo.computed).toBe(2);
    memo.get();
    expect(memo.computed).toBe(2);
  });

  it('does not outlive the run: after a microtask checkpoint it computes afresh', async () => {
    document.body.innerHTML = '<i></i>';
    const memo = new DomMemo(document, () => document.querySelectorAll('i').length);
    memo.get();
    await Promise.resolve();
    memo.get();
    expect(memo.computed).toBe(2);
  });
});

describe('the item a click is in', () => {
  it('is the first item of the list that contains the target, as a scan with contains finds it', () => {
    document.body.innerHTML = '<div id="outer"><div id="mid"><span id="leaf"></span></div></div><div id="other"></div>';
    const [outer, mid, leaf, other] = ['outer', 'mid', 'leaf', 'other'].map((id) => document.getElementById(id)!);
    for (const list of [[mid, outer, other], [outer, mid], [other], [leaf, mid]]) {
      const found = list.map((el) => ({ el, id: el.id }));
      const scan = found.find((f) => f.el.contains(leaf));
      expect(itemContaining(indexItems(found), leaf)?.el).toBe(scan?.el);
    }
  });
});

describe('click tracking', () => {
  it('a burst of clicks in one run: one items look-up, each touchpoint with its own item and product', () => {
    const { session, calls, emitted } = fakeSession();
    const anchors = feed();
    trackClicks(session);
    for (let i = 0; i < 30; i++) anchors[i % 3].click();
    expect(calls.findItems).toBe(1);
    expect(emitted).toHaveLength(30);
    expect(emitted.map((t) => `${t.itemId}/${t.productId}`).slice(0, 3)).toEqual(['1000001/10000019', '1000002/10000029', '1000003/10000039']);
    expect(new Set(emitted.map((t) => t.itemId)).size).toBe(3);
  });

  it('a change to the feed between two clicks of one run is seen by the second', () => {
    const { session, calls, emitted } = fakeSession();
    const anchors = feed();
    trackClicks(session);
    anchors[0].click();
    document.querySelector('section')!.setAttribute('data-id', '2000001');
    anchors[0].click();
    const moved = document.createElement('section');
    moved.setAttribute('data-id', '3000001');
    anchors[1].parentElement!.replaceWith(moved);
    moved.append(anchors[1]);
    anchors[1].click();
    expect(emitted.map((t) => t.itemId)).toEqual(['1000001', '2000001', '3000001']);
    expect(calls.findItems).toBe(3);
  });

  it('clicks in separate tasks each look the items up', async () => {
    const { session, calls } = fakeSession();
    const [a] = feed();
    trackClicks(session);
    a.click();
    await Promise.resolve();
    a.click();
    expect(calls.findItems).toBe(2);
  });

  it('keeps the facts of the URLs read last, frozen, up to URL_FACTS_KEPT of them, and reads others afresh', () => {
    const { session } = fakeSession();
    const url = (n: number) => `https://example.test/p?pid=${100000 + n}`;
    const first = urlFacts(session, url(0));
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.productId).toBe('100000');
    expect(urlFacts(session, url(0))).toBe(first);
    for (let n = 1; n < URL_FACTS_KEPT; n++) urlFacts(session, url(n));
    expect(urlFacts(session, url(0))).toBe(first); // still kept: URL_FACTS_KEPT urls so far
    urlFacts(session, url(URL_FACTS_KEPT)); // one more: the oldest goes
    const again = urlFacts(session, url(0));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
