import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Platform } from '@/utils/platforms/types';
import type { Session } from '@/utils/content/session';
import { FEED_CHECK_INTERVAL_MS, FEED_SETTLE_MS, MOVING_CHECK_MS, OVERLAY_HOST_ATTR, readRecords, watchFeed } from '@/utils/content/feed-watch';

// Fake clock: timers, animation frames and performance.now() move only when the test says (no flakiness on a busy
// machine). Mutation records are delivered in a microtask, so a flush of microtasks comes first.
const sleep = async (ms: number) => {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
};
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] }));
const record = (r: Partial<MutationRecord>) => ({ type: 'childList', target: document.body, addedNodes: [] as unknown as NodeList, removedNodes: [] as unknown as NodeList, ...r }) as MutationRecord;
const nodes = (...n: Node[]) => n as unknown as NodeList;

function setup() {
  document.body.innerHTML = '<div id="feed"><div class="item" data-e2e="feed-video"><span class="clock">00:01</span></div></div>';
  const ctx = new ContentScriptContext('feed-watch-test');
  // No feed container: the body is observed, with one observe() call (happy-dom, unlike a browser, delivers the
  // records of each observed node in a callback of its own).
  const platform = { dom: { feedContainer: () => null, watchedAttributes: ['data-e2e'] } } as unknown as Platform;
  const calls: string[] = [];
  const watch = watchFeed({ ctx, platform } as unknown as Session, { items: () => calls.push('items'), active: () => calls.push('active') });
  return { ctx, calls, watch, feed: document.getElementById('feed')! };
}
let ctx: ContentScriptContext | undefined;
afterEach(() => {
  ctx?.abort();
  vi.useRealTimers();
});

/** A watcher of an empty feed whose `moving` handler says `state.moving`; what the handlers saw, in order. */
function setupEmptyFeed(name: string, moving: boolean) {
  document.body.innerHTML = '<div id="feed"></div>';
  ctx = new ContentScriptContext(name);
  const platform = { dom: { feedContainer: () => null, watchedAttributes: ['data-e2e'] } } as unknown as Platform;
  const calls: string[] = [];
  /** Per items check: how many added elements it was given, -1 for a scan of the whole document. */
  const listed: number[] = [];
  const state = { moving };
  const watch = watchFeed({ ctx, platform } as unknown as Session, {
    items: (changes) => {
      calls.push('items');
      listed.push(changes?.added.size ?? -1);
    },
    active: () => calls.push('active'),
    settled: () => calls.push('settled'),
    moving: () => state.moving,
  });
  return { calls, listed, state, watch, feed: document.getElementById('feed')! };
}

describe('which mutations can change the feed', () => {
  it('page elements in or out and watched attributes can; text churn and our own host cannot', () => {
    const host = document.createElement('guangjie-overlay');
    host.setAttribute(OVERLAY_HOST_ATTR, '1');
    const slide = document.createElement('div');
    const may = (r: Partial<MutationRecord>) => readRecords([record(r)], null);
    expect(may({ addedNodes: nodes(slide) })).toBe(true);
    expect(may({ removedNodes: nodes(document.createTextNode('x'), slide) })).toBe(true);
    expect(may({ addedNodes: nodes(document.createTextNode('00:02')), removedNodes: nodes(document.createTextNode('00:01')) })).toBe(false);
    expect(may({ addedNodes: nodes(host) })).toBe(false);
    expect(may({ type: 'attributes', target: slide })).toBe(true);
    expect(may({ type: 'attributes', target: host })).toBe(false);
  });

  it('lists the page elements added and re-attributed and the parents of those removed, never text or our own host', () => {
    const host = document.createElement('guangjie-overlay');
    host.setAttribute(OVERLAY_HOST_ATTR, '1');
    const [a, b, gone] = [document.createElement('div'), document.createElement('div'), document.createElement('div')];
    const changes = { added: new Set<Element>(), attributed: new Set<Element>(), emptied: new Set<Element>() };
    const parent = document.createElement('section');
    const records = [
      record({ target: parent, removedNodes: nodes(document.createTextNode('00:01'), gone) }),
      record({ target: b, removedNodes: nodes(document.createTextNode('00:01'), host) }),
      record({ addedNodes: nodes(document.createTextNode('00:02'), a, host) }),
      record({ type: 'attributes', target: b }),
      record({ type: 'attributes', target: host }),
      record({ type: 'attributes', target: b }),
    ];
    expect(readRecords(records, changes)).toBe(true);
    expect([...changes.added]).toEqual([a]);
    expect([...changes.attributed]).toEqual([b]);
    expect([...changes.emptied]).toEqual([parent]);
    expect(readRecords([records[4]], changes)).toBe(false);
  });
});

describe('feed watching', () => {
  it('a page change gets one check at once and one settle check that only re-reads the active item', async () => {
    const s = setup();
    ctx = s.ctx;
    const slide = document.createElement('div');
    slide.setAttribute('data-e2e', 'feed-active-video');
    s.feed.replaceChildren(slide); // the old slide out, the new one in
    await sleep(0);
    expect(s.calls).toEqual(['items', 'active']); // in the observer's callback, before any frame
    await sleep(40);
    expect(s.calls).toEqual(['items', 'active']);
    await sleep(FEED_SETTLE_MS);
    expect(s.calls).toEqual(['items', 'active', 'active']);
    await sleep(FEED_SETTLE_MS + 60);
    expect(s.calls).toHaveLength(3); // a quiet settle check schedules nothing more: no polling
  });

  it('tells a settled handler once per settle check, after the active item (viewability narrows to nearby items then)', async () => {
    const { calls, feed } = setupEmptyFeed('feed-watch-settled', false);
    feed.append(document.createElement('div'));
    await sleep(0);
    expect(calls).toEqual(['items', 'active']);
    await sleep(FEED_SETTLE_MS);
    expect(calls).toEqual(['items', 'active', 'active', 'settled']);
    await sleep(FEED_SETTLE_MS * 3);
    expect(calls).toHaveLength(4);
  });

  it('a change while the feed still moves gets one check, when it settles, that reads the change', async () => {
    const { calls, state, feed } = setupEmptyFeed('feed-watch-moving', false);
    feed.append(document.createElement('div'));
    await sleep(0);
    expect(calls).toEqual(['items', 'active']); // still: checked at once
    state.moving = true; // the slide starts; the next flick comes before it stops
    await sleep(FEED_CHECK_INTERVAL_MS + 5);
    calls.length = 0;
    feed.append(document.createElement('div'));
    await sleep(0);
    expect(calls).toEqual([]); // no check at once
    await sleep(FEED_SETTLE_MS);
    expect(calls).toEqual(['items', 'active', 'settled']); // the settle check read the change
    state.moving = false;
    await sleep(MOVING_CHECK_MS);
    expect(calls).toEqual(['items', 'active', 'settled', 'active', 'settled']); // and one quiet one ends it
    await sleep(MOVING_CHECK_MS * 3);
    expect(calls).toHaveLength(5);
  });

  it('flick after flick: the changes are read together at most every MOVING_CHECK_MS, and at once when the motion ends', async () => {
    // A slide runs already, and each flick starts the next before it stops.
    const { calls, listed, state, watch, feed } = setupEmptyFeed('feed-watch-flicks', true);
    const FLICK_MS = 125;
    for (let i = 0; i < 8; i++) {
      feed.append(document.createElement('div'));
      await sleep(FLICK_MS);
    }
    // 8 flicks over 1 s: two checks (at 500 and 1000 ms), not eight; the first scans the whole document (as every
    // first check does), the second reads the four slides added since.
    expect(calls.filter((c) => c === 'items')).toHaveLength(2);
    expect(listed).toEqual([-1, 4]);
    calls.length = 0;
    feed.append(document.createElement('div'));
    await sleep(FLICK_MS);
    expect(calls).toEqual([]); // the ninth waits
    state.moving = false;
    watch.motionEnded(); // the slide stops: checked now, not MOVING_CHECK_MS after the flick
    expect(calls).toEqual(['items', 'active', 'settled']);
    expect(listed.at(-1)).toBe(1);
    await sleep(FEED_SETTLE_MS);
    expect(calls).toEqual(['items', 'active', 'settled', 'active', 'settled']); // one quiet settle check ends it
    watch.motionEnded(); // an end with nothing pending checks nothing
    await sleep(MOVING_CHECK_MS * 2);
    expect(calls).toHaveLength(5);
  });

  it('a player clock rewriting its text wakes nothing', async () => {
    const s = setup();
    ctx = s.ctx;
    const clock = s.feed.querySelector('.clock')!;
    for (let i = 2; i < 6; i++) clock.textContent = `00:0${i}`;
    await sleep(FEED_CHECK_INTERVAL_MS + 60);
    expect(s.calls).toEqual([]);
  });

  it('changes during the interval are checked once, in a frame at its end, not once each', async () => {
    const s = setup();
    ctx = s.ctx;
    s.feed.append(document.createElement('div'));
    await sleep(30);
    for (let i = 0; i < 5; i++) {
      s.feed.append(document.createElement('div'));
      await sleep(10);
    }
    await sleep(FEED_CHECK_INTERVAL_MS + 60);
    expect(s.calls.filter((c) => c === 'items')).toHaveLength(2);
  });

  it('a change while only the settle check is pending is checked at once, not left to the settle check', async () => {
    const s = setup();
    ctx = s.ctx;
    s.feed.append(document.createElement('div'));
    await sleep(FEED_CHECK_INTERVAL_MS + 10); // past the throttle, before the settle check
    expect(s.calls).toEqual(['items', 'active']);
    s.feed.append(document.createElement('div'));
    await sleep(0);
    expect(s.calls).toEqual(['items', 'active', 'items', 'active']);
    await sleep(FEED_SETTLE_MS);
    expect(s.calls).toEqual(['items', 'active', 'items', 'active', 'active']);
  });

  it('checkActive (a pointer move on a grid) re-reads the active item without rescanning items', async () => {
    const s = setup();
    ctx = s.ctx;
    s.watch.checkActive();
    s.watch.checkActive();
    await sleep(40);
    expect(s.calls).toEqual(['active']);
  });

  it('stops when the script is invalidated', async () => {
    const s = setup();
    s.feed.append(document.createElement('div'));
    s.ctx.abort();
    await sleep(FEED_CHECK_INTERVAL_MS + 60);
    expect(s.calls).toEqual([]);
  });
});

describe('the feed container', () => {
  it('a replaced container is watched in its stead, and its first check scans the whole document', async () => {
    document.body.innerHTML = '<div id="feed"><div data-e2e="feed-video"></div></div>';
    ctx = new ContentScriptContext('feed-watch-container');
    const platform = { dom: { feedContainer: (d: Document) => d.getElementById('feed'), watchedAttributes: ['data-e2e'] } } as unknown as Platform;
    const seen: Array<string> = [];
    watchFeed({ ctx, platform } as unknown as Session, { items: (c) => seen.push(c ? `listed ${c.added.size}` : 'whole document'), active: () => {} });
    const fresh = document.createElement('div');
    fresh.id = 'feed';
    document.getElementById('feed')!.replaceWith(fresh); // a route change renders a new list
    await sleep(0);
    expect(seen).toEqual(['whole document']);
    await sleep(FEED_SETTLE_MS + FEED_CHECK_INTERVAL_MS);
    fresh.append(document.createElement('div')); // a change inside the new container is seen, and listed
    await sleep(0);
    await sleep(FEED_CHECK_INTERVAL_MS);
    expect(seen.at(-1)).toBe('listed 1');
  });
});

describe('leak check', () => {
  it('many checks leave no listener behind on the script context', async () => {
    const s = setup();
    ctx = s.ctx;
    const add = vi.spyOn(s.ctx.signal, 'addEventListener');
    for (let i = 0; i < 5; i++) {
      s.feed.append(document.createElement('div'));
      await sleep(FEED_CHECK_INTERVAL_MS + 20);
    }
    expect(s.calls.filter((c) => c === 'items').length).toBeGreaterThanOrEqual(5);
    expect(add.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
