import { describe, expect, it } from 'vitest';
import * as urls from '../../utils/platforms/tiktok/urls';
import { SURFACE_DETECTORS, surfaceOf, urlFacts } from '../../utils/platforms/tiktok/urls';
import { SURFACE_DETECTORS as DOUYIN_DETECTORS, surfaceOf as douyinSurfaceOf } from '../../utils/platforms/douyin/urls';
import { endpointOf, isItemEndpoint, ITEM_ENDPOINTS } from '../../utils/platforms/tiktok/endpoints';
import { isItemEndpoint as douyinItemEndpoint, ITEM_ENDPOINTS as DOUYIN_ENDPOINTS } from '../../utils/platforms/douyin/endpoints';
import { isAnyItemEndpoint } from '../../utils/platforms/endpoint-registry';
import { platformForUrl } from '../../utils/platforms/registry';

const detectors = SURFACE_DETECTORS.map(([surface, detect]) => ({ surface, detect, name: Object.entries(urls).find(([, f]) => f === detect)![0] }));
const douyinExamples = DOUYIN_DETECTORS.flatMap(([, d]) => d.examples);

describe('TikTok page-kind detectors', () => {
  for (const { name, detect, surface } of detectors) {
    it(`${name} accepts each of its own examples`, () => {
      expect(detect.examples.length).toBeGreaterThan(0);
      for (const u of detect.examples) expect(detect(u), u).toBe(true);
    });
    it(`${name} rejects every other TikTok detector's examples`, () => {
      for (const other of detectors) {
        if (other.detect === detect) continue;
        for (const u of other.detect.examples) expect(detect(u), `${name} on ${u}`).toBe(false);
      }
    });
    it(`${name} rejects every Douyin detector's examples`, () => {
      for (const u of douyinExamples) expect(detect(u), `${name} on ${u}`).toBe(false);
    });
    it(`surfaceOf maps ${name}'s examples to '${surface}', and Douyin does not claim them`, () => {
      for (const u of detect.examples) {
        expect(surfaceOf(u)).toBe(surface);
        expect(douyinSurfaceOf(u), u).toBeNull();
      }
    });
  }

  it("Douyin's examples are not TikTok's, and the registry picks the right platform for each", () => {
    for (const u of douyinExamples) {
      expect(surfaceOf(u), u).toBeNull();
      expect(platformForUrl(u)?.id, u).toBe('douyin');
    }
    for (const { detect } of detectors) for (const u of detect.examples) expect(platformForUrl(u)?.id, u).toBe('tiktok');
  });

  it('says other for unknown TikTok pages and null for other sites and garbage', () => {
    expect(surfaceOf('https://www.tiktok.com/explore')).toBe('other');
    expect(surfaceOf('https://www.tiktok.com/live')).toBe('other');
    expect(surfaceOf('https://www.tiktok.com/search?q=')).toBe('other');
    expect(surfaceOf('https://evil.example/www.tiktok.com/@a/video/7461529726461447432')).toBeNull();
    expect(surfaceOf('https://www.tiktok.com.evil.example/')).toBeNull();
    expect(surfaceOf('not a url')).toBeNull();
    expect(surfaceOf('')).toBeNull();
  });

  it('reads a product id and a search keyword from the URL', () => {
    expect(urlFacts('https://www.tiktok.com/view/product/1729384756102938475?region=US')).toEqual({ productId: '1729384756102938475' });
    expect(urlFacts('https://www.tiktok.com/us/pdp/silk-pillowcase-queen/1729384756102938475')).toEqual({ productId: '1729384756102938475' });
    expect(urlFacts('https://www.tiktok.com/search/video?q=air%20fryer')).toEqual({ query: 'air fryer' });
    expect(urlFacts('https://www.tiktok.com/@ninja/live')).toEqual({});
    expect(urlFacts('garbage')).toEqual({});
  });
});

describe('TikTok item endpoints', () => {
  it('knows every endpoint, with or without a query, and only TikTok claims them', () => {
    for (const e of ITEM_ENDPOINTS) {
      const url = `https://www.tiktok.com${e.path}?aid=1988&count=9&WebIdLastTime=1767225600`;
      expect(isItemEndpoint(url), url).toBe(true);
      expect(isAnyItemEndpoint(url), url).toBe(true);
      expect(douyinItemEndpoint(url), url).toBe(false);
      expect(endpointOf(e.path)?.path).toBe(e.path);
    }
  });
  it("does not claim Douyin's endpoints", () => {
    for (const e of DOUYIN_ENDPOINTS) expect(isItemEndpoint(`https://www.douyin.com${e.path}`)).toBe(false);
  });
  it('ignores other requests and other hosts', () => {
    expect(isItemEndpoint('https://www.tiktok.com/api/comment/list/?aweme_id=1')).toBe(false);
    expect(isItemEndpoint('https://www.tiktok.com/api/recommend/item_list/extra/')).toBe(false);
    expect(isItemEndpoint('https://evil.example/api/recommend/item_list/')).toBe(false);
    expect(isItemEndpoint('::::')).toBe(false);
  });
});
