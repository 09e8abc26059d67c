import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { douyin } from '../../utils/platforms/douyin';
import { decodeStreamChunks, extractFromPageState } from '../../utils/platforms/douyin/page-data';

const state = JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/douyin/render-data-state.json'), 'utf8')) as unknown;

const htmlDoc = (body: string): Document => new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${body}</body></html>`, 'text/html');

describe('Douyin page data', () => {
  it('finds posts at any numbered key by walking, once each, in page order; hashtag entries are not items', () => {
    const items = extractFromPageState(state);
    expect(items.map((i) => i.id)).toEqual(['7600000000000000501', '7600000000000000502', '7600000000000000503', '7600000000000000504']);
    expect(items.every((i) => i.source === 'page-data')).toBe(true);
  });

  it('reads camelCase fields the same as snake_case (authorInfo, anchorInfo.extra object, isAds, rawAdData, webRawData, cellRoom)', () => {
    const [poi, ad, brand, live] = extractFromPageState(state);
    expect(poi.author).toMatchObject({ uid: '1991', nickname: '图文博主', followerCount: { field: 'authorInfo.follower_count', value: 38000 } });
    expect(poi.poi).toMatchObject({ id: '6601000000000000003', typeCode: '190105', field: 'anchorInfo.extra.poi_id' });
    expect(poi.format).toBe('image');
    expect(ad.ad.markers.map((m) => m.field)).toEqual(['isAds', 'rawAdData.label.text']);
    expect(ad.ad.destinationKinds?.[0].kind).toBe('external-commerce');
    expect(brand.ad.brandAd?.field).toBe('webRawData.brand_ad.is_ad');
    expect(live.live?.roomId).toBe('7600000000000000909');
  });

  it('parses <script id="RENDER_DATA"> (URL-encoded JSON) from an HTML document', () => {
    const doc = htmlDoc(`<script id="RENDER_DATA" type="application/json">${encodeURIComponent(JSON.stringify(state))}</script>`);
    expect(douyin.extractFromPage(doc).map((i) => i.id)).toHaveLength(4);
  });

  it('reads self.__pace_f.push chunks (best effort)', () => {
    const line = `5:${JSON.stringify({ recommendAwemeList: [{ awemeId: '7600000000000000601', awemeType: 0, desc: 'streamed', authorInfo: { uid: '1' } }] })}`;
    const script = `self.__pace_f.push([1,${JSON.stringify(line + '\n')}])`;
    expect(decodeStreamChunks(script)).toHaveLength(1);
    const doc = htmlDoc(`<script>${script}</script>`);
    expect(douyin.extractFromPage(doc).map((i) => i.id)).toEqual(['7600000000000000601']);
  });

  it('reads a STREAM_RENDER_DATA script holding JSON', () => {
    const doc = htmlDoc(`<script class="STREAM_RENDER_DATA">${JSON.stringify({ videoDetail: { awemeId: '7600000000000000602', desc: 'd', awemeType: 0 } })}</script>`);
    expect(douyin.extractFromPage(doc).map((i) => i.id)).toEqual(['7600000000000000602']);
  });

  it('gives nothing, without throwing, for pages with broken or no data', () => {
    expect(douyin.extractFromPage(htmlDoc('<p>hello</p>'))).toEqual([]);
    expect(douyin.extractFromPage(htmlDoc('<script id="RENDER_DATA">%E0%A4%A</script>'))).toEqual([]);
    expect(douyin.extractFromPage(htmlDoc('<script id="RENDER_DATA">%7B%22a%22</script><script>self.__pace_f.push([1,"x</script>'))).toEqual([]);
  });
});
