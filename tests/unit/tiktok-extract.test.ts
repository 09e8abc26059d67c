import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../utils/classify';
import type { ClassifiedItem } from '../../utils/model/tags';
import { tiktok } from '../../utils/platforms/tiktok';
import { extractFromPageState } from '../../utils/platforms/tiktok/page-data';

const fixture = (name: string): unknown => JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/tiktok', name), 'utf8'));
const FOR_YOU = 'https://www.tiktok.com/api/recommend/item_list/?aid=1988&count=9';
const tags = (c: ClassifiedItem | undefined) => c?.tags.map((t) => t.id);
const byId = (items: ClassifiedItem[], id: string) => items.find((i) => i.id === id);

describe('TikTok For You extraction (tests/fixtures/tiktok/for-you.json)', () => {
  const raw = tiktok.extractFromResponse(FOR_YOU, fixture('for-you.json'));
  const items = raw.map((i) => classify(i));

  it('yields every item of itemList[], in order, with the endpoint', () => {
    expect(items.map((i) => i.id)).toEqual(['7460000000000000001', '7460000000000000002', '7460000000000000003', '7460000000000000004', '7460000000000000005', '7460000000000000006', '7460000000000000007']);
    expect(raw.every((i) => i.platform === 'tiktok' && i.source === 'api' && i.endpoint === '/api/recommend/item_list/')).toBe(true);
  });

  it('a plain video gets no tag', () => {
    expect(tags(byId(items, '7460000000000000001'))).toEqual([]);
  });

  it('isAd: true is an ad, with isAd as evidence; with nothing else on it, where it leads is unknown', () => {
    const ad = byId(items, '7460000000000000002')!;
    expect(tags(ad)).toEqual(['ad']);
    expect(ad.adKind).toBe('unknown');
    expect(ad.tags[0].evidence[0]).toMatchObject({ source: 'api', field: 'isAd', value: 'true' });
  });

  it("a seller's video with a product anchor is shop (product-anchor) and field; the product id comes from the anchor's link", () => {
    const c = byId(items, '7460000000000000003')!;
    expect(tags(c)).toEqual(['shop', 'field']);
    expect(c.tags[0].kind).toBe('product-anchor');
    expect(c.productIds).toEqual(['1729384756102938475']);
    expect(c.tags[1].evidence.map((e) => e.field)).toContain('author.ttSeller');
  });

  it('a paid partnership (adAuthorization, adLabelVersion, #ad) is not an ad', () => {
    const c = byId(items, '7460000000000000004')!;
    expect(tags(c)).toEqual([]);
    expect(raw.find((i) => i.id === c.id)!.ad.markers).toEqual([]);
  });

  it('a CapCut template anchor proves nothing, and an author live elsewhere does not make the item live', () => {
    const item = raw.find((i) => i.id === '7460000000000000005')!;
    expect(item.anchors).toEqual([expect.objectContaining({ kind: 'other', type: 28 })]);
    expect(item.author.liveNow?.field).toBe('author.roomId');
    expect(tags(byId(items, item.id))).toEqual([]);
  });

  it('a commerce hashtag (textExtra / challenges isCommerce) is a campaign, counted once', () => {
    const c = byId(items, '7460000000000000006')!;
    expect(tags(c)).toEqual(['campaign']);
    expect(c.tags[0].evidence).toHaveLength(1);
    expect(c.tags[0].evidence[0]).toMatchObject({ field: 'textExtra[0].isCommerce', value: 'TikTokShopSummerSale' });
  });

  it('a LIVE item (liveRoomInfo, status 2) by a non-seller is live, not shop', () => {
    const c = byId(items, '7460000000000000007')!;
    expect(tags(c)).toEqual(['live']);
    expect(c.format).toBe('live');
    expect(c.roomId).toBe('7460000000000000700');
    expect(c.tags[0].confidence).toBeGreaterThan(0.9);
  });
});

describe('TikTok LIVE room detail (live-detail-selling.json)', () => {
  it("a room on air whose owner is a TikTok Shop seller is live and shop (selling-live), owner's shop = field", () => {
    const [c] = tiktok.extractFromResponse('https://www.tiktok.com/api/live/detail/?aid=1988&roomID=7460000000000000701', fixture('live-detail-selling.json')).map((i) => classify(i));
    expect(c.id).toBe('7460000000000000701');
    expect(c.roomId).toBe('7460000000000000701');
    expect(tags(c)).toEqual(['shop', 'live', 'field']);
    expect(c.tags[0]).toMatchObject({ kind: 'selling-live' });
    expect(c.tags[0].evidence[0].field).toBe('LiveRoomInfo.ownerInfo.ttSeller');
    expect(c.authorName).toBe('SilkHome Official');
  });
});

describe('TikTok search and detail shapes', () => {
  it('general search: data[].item, cards without an item give nothing', () => {
    const items = tiktok.extractFromResponse('https://www.tiktok.com/api/search/general/full/?keyword=silk', fixture('search-general.json'));
    expect(items.map((i) => i.id)).toEqual(['7460000000000000003', '7460000000000000001']);
  });
  it('video search item_list[] and item detail itemInfo.itemStruct', () => {
    const feed = fixture('for-you.json') as { itemList: unknown[] };
    expect(tiktok.extractFromResponse('https://www.tiktok.com/api/search/item/full/?keyword=x', { item_list: feed.itemList.slice(0, 2) }).map((i) => i.id)).toEqual(['7460000000000000001', '7460000000000000002']);
    const [one] = tiktok.extractFromResponse('https://www.tiktok.com/api/item/detail/?itemId=7460000000000000003', { itemInfo: { itemStruct: feed.itemList[2] }, statusCode: 0 });
    expect(one.id).toBe('7460000000000000003');
    expect(one.endpoint).toBe('/api/item/detail/');
  });
});

describe('TikTok page data', () => {
  const feed = fixture('for-you.json') as { itemList: unknown[] };
  it('reads __UNIVERSAL_DATA_FOR_REHYDRATION__ webapp.video-detail from an HTML document', () => {
    const state = { __DEFAULT_SCOPE__: { 'webapp.app-context': { language: 'en' }, 'webapp.video-detail': { itemInfo: { itemStruct: feed.itemList[1] }, statusCode: 0 } } };
    const html = `<!doctype html><html><body><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${JSON.stringify(state).replace(/</g, '\\u003c')}</script></body></html>`;
    const items = tiktok.extractFromPage(new DOMParser().parseFromString(html, 'text/html'));
    expect(items.map((i) => [i.id, i.source])).toEqual([['7460000000000000002', 'page-data']]);
    expect(tags(classify(items[0]))).toEqual(['ad']);
  });
  it('reads the older SIGI_STATE ItemModule, and never turns authors or music into items', () => {
    const items = extractFromPageState({ ItemModule: { a: feed.itemList[0], b: feed.itemList[2] }, UserModule: { users: { x: (feed.itemList[0] as { author: unknown }).author } } });
    expect(items.map((i) => i.id)).toEqual(['7460000000000000001', '7460000000000000003']);
  });
  it('a page without embedded data gives nothing', () => {
    expect(tiktok.extractFromPage(new DOMParser().parseFromString('<html><body><script id="SIGI_STATE">not json</script></body></html>', 'text/html'))).toEqual([]);
  });
});

describe('TikTok page data from the real 2026 video page item (../shared, when present)', () => {
  const real = path.resolve(__dirname, '../../../shared/fixtures/real/tiktok-web-video-detail-2026-ad.json');
  it.skipIf(!existsSync(real))('the itemStruct embedded in __UNIVERSAL_DATA_FOR_REHYDRATION__ is one ad, not shop', () => {
    const itemStruct = JSON.parse(readFileSync(real, 'utf8'));
    const state = { __DEFAULT_SCOPE__: { 'webapp.video-detail': { itemInfo: { itemStruct } } } };
    const html = `<html><body><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${JSON.stringify(state).replace(/</g, '\\u003c')}</script></body></html>`;
    const [c] = tiktok.extractFromPage(new DOMParser().parseFromString(html, 'text/html')).map((i) => classify(i));
    expect([c.id, c.format, c.source, tags(c), c.adKind]).toEqual(['7461529726461447432', 'video', 'page-data', ['ad'], 'unknown']);
  });
});
