import { describe, expect, it, vi } from 'vitest';
import { emptyItem, type FeedItem } from '@/utils/model/item';
import type { Platform } from '@/utils/platforms/types';
import { ItemStore } from '@/utils/content/item-store';
import { RESPONSE_REPLY_TIMEOUT_MS, ROOM_IDS_MAX, classifiedByWorker, forwardBody, handleBody, storeItems } from '@/utils/content/responses';
import { classify } from '@/utils/classify';
import { missingSelectors } from '@/utils/content/layout-drift';
import type { Session } from '@/utils/content/session';
import { DEFAULT_SETTINGS } from '@/utils/settings';

function fakeSession(extract: (url: string, json: unknown) => FeedItem[]) {
  const diagnostic = vi.fn();
  const platform = { id: 'douyin', extractFromResponse: extract } as unknown as Platform;
  const session = { platform, store: new ItemStore(), settings: { ...DEFAULT_SETTINGS }, surface: 'recommend', roomIdsByWebRid: new Map(), diagnostic } as unknown as Session;
  return { session, diagnostic };
}

describe('handling a captured body', () => {
  it('extracts, classifies and stores the items', () => {
    const { session } = fakeSession((_url, json) => {
      const item = emptyItem('douyin', (json as { id: string }).id, 'api');
      item.ad.markers.push({ field: 'is_ads', value: true });
      return [item];
    });
    handleBody(session, 'https://www.douyin.com/aweme/v1/web/tab/feed/', '{"id":"7400"}');
    const stored = session.store.get('7400')!;
    expect(stored.tags.map((t) => t.id)).toContain('ad');
    expect(stored.source).toBe('api');
  });

  it('bad JSON is a logged skip and one bad-json diagnostic, never a throw', () => {
    const extract = vi.fn(() => []);
    const { session, diagnostic } = fakeSession(extract);
    expect(() => handleBody(session, 'https://www.douyin.com/aweme/v1/web/tab/feed/?x=1', '{"aweme_list": [')).not.toThrow();
    expect(extract).not.toHaveBeenCalled();
    expect(diagnostic).toHaveBeenCalledWith('bad-json', expect.stringContaining('/aweme/v1/web/tab/feed/'));
  });

  it('an extractor that throws costs nothing but the items of that response', () => {
    const { session } = fakeSession(() => {
      throw new Error('new layout');
    });
    expect(() => handleBody(session, 'https://www.douyin.com/x', '{}')).not.toThrow();
    expect(session.store.size).toBe(0);
  });
});

describe('live rooms remembered by room number', () => {
  it('keep the newest rooms once the cap is reached (a long scroll meets ever new live cards)', () => {
    const { session } = fakeSession(() => []);
    const room = (n: number) => ({ ...emptyItem('douyin', `r${n}`, 'api'), format: 'live' as const, live: { webRid: `w${n}`, selling: [], notSelling: [] } });
    storeItems(session, Array.from({ length: ROOM_IDS_MAX + 5 }, (_, n) => room(n)));
    expect(session.roomIdsByWebRid.size).toBe(ROOM_IDS_MAX);
    expect(session.roomIdsByWebRid.get(`w${ROOM_IDS_MAX + 4}`)).toBe(`r${ROOM_IDS_MAX + 4}`);
    expect(session.roomIdsByWebRid.has('w0')).toBe(false);
  });
});

describe('layout drift', () => {
  it('lists the expected selectors that match nothing, and survives an invalid selector', () => {
    document.body.innerHTML = '<div data-e2e="feed-active-video"></div>';
    const missing = missingSelectors(document, [
      { name: 'feedItem', selector: '[data-e2e="feed-active-video"]' },
      { name: 'sideBar', selector: '#videoSideBar' },
      { name: 'broken', selector: '[[nope' },
    ]);
    expect(missing.map((m) => m.name)).toEqual(['sideBar', 'broken']);
  });
});

describe('a captured body sent to the worker', () => {
  const URL_ = 'https://www.douyin.com/aweme/v1/web/tab/feed/';
  const classified = (id: string) => {
    const item = emptyItem('douyin', id, 'api');
    item.ad.markers.push({ field: 'is_ads', value: true });
    return classify(item);
  };
  const room = { ...emptyItem('douyin', 'r1', 'api'), format: 'live' as const, live: { webRid: 'w1', selling: [], notSelling: [] } };

  it('stores what the worker classified, marked as stored there, and classifies the live rooms here', async () => {
    const extract = vi.fn(() => []);
    const { session } = fakeSession(extract);
    const sent: unknown[] = [];
    const item = classified('7401');
    await forwardBody(session, URL_, '{"id":"7401"}', async (m) => (sent.push(m), { ok: true, items: [item], live: [room], stored: 1 }));
    expect(sent).toEqual([{ type: 'cs-bg/response', platform: 'douyin', url: URL_, body: '{"id":"7401"}' }]);
    expect(extract).not.toHaveBeenCalled(); // not parsed on the page
    expect(session.store.get('7401')).toBe(item);
    expect(classifiedByWorker.has(item)).toBe(true);
    expect(session.roomIdsByWebRid.get('w1')).toBe('r1');
    expect(session.store.get('r1')?.tags.map((t) => t.id)).toContain('live');
  });

  it('does the work itself when the worker fails, refuses, or does not answer in time', async () => {
    const make = () => fakeSession((_url, json) => [emptyItem('douyin', (json as { id: string }).id, 'api')]);
    const a = make();
    await forwardBody(a.session, URL_, '{"id":"a"}', async () => { throw new Error('Receiving end does not exist'); });
    expect(a.session.store.get('a')?.source).toBe('api');
    const b = make();
    await forwardBody(b.session, URL_, '{"id":"b"}', async () => ({ ok: false, error: 'invalid-message' }));
    expect(b.session.store.get('b')).toBeDefined();
    vi.useFakeTimers();
    try {
      const c = make();
      const done = forwardBody(c.session, URL_, '{"id":"c"}', () => new Promise(() => {}));
      await vi.advanceTimersByTimeAsync(RESPONSE_REPLY_TIMEOUT_MS);
      await done;
      expect(c.session.store.get('c')).toBeDefined();
      expect(classifiedByWorker.has(c.session.store.get('c')!)).toBe(false); // the outbox sends it, as before
    } finally {
      vi.useRealTimers();
    }
  });

  it("the worker's bad-json answer is final: the body is not parsed again here", async () => {
    const extract = vi.fn(() => []);
    const { session, diagnostic } = fakeSession(extract);
    await forwardBody(session, URL_, '{"x": [', async () => ({ ok: true, items: [], live: [], badJson: true, stored: 0 }));
    expect(extract).not.toHaveBeenCalled();
    expect(diagnostic).not.toHaveBeenCalled(); // the worker kept it
    expect(session.store.size).toBe(0);
  });
});
