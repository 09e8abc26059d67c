import { describe, expect, it, vi } from 'vitest';
import { emptyItem, type FeedItem } from '@/utils/model/item';
import type { Platform } from '@/utils/platforms/types';
import { ItemStore } from '@/utils/content/item-store';
import { ROOM_IDS_MAX, handleBody, storeItems } from '@/utils/content/responses';
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
