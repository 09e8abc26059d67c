import { describe, expect, it } from 'vitest';
import * as urls from '../../utils/platforms/douyin/urls';
import { SURFACE_DETECTORS, surfaceOf } from '../../utils/platforms/douyin/urls';
import { endpointOf, isItemEndpoint, ITEM_ENDPOINTS } from '../../utils/platforms/douyin/endpoints';
import { destinationKind } from '../../utils/platforms/douyin/ad-destinations';

const detectors = SURFACE_DETECTORS.map(([surface, detect]) => ({ surface, detect, name: Object.entries(urls).find(([, f]) => f === detect)![0] }));

describe('Douyin page-kind detectors', () => {
  for (const { name, detect, surface } of detectors) {
    it(`${name} accepts each of its own examples`, () => {
      expect(detect.examples.length).toBeGreaterThan(0);
      for (const u of detect.examples) expect(detect(u), u).toBe(true);
    });
    it(`${name} rejects every other detector's examples`, () => {
      for (const other of detectors) {
        if (other.detect === detect) continue;
        for (const u of other.detect.examples) expect(detect(u), `${name} on ${u}`).toBe(false);
      }
    });
    it(`surfaceOf maps ${name}'s examples to '${surface}'`, () => {
      for (const u of detect.examples) expect(surfaceOf(u)).toBe(surface);
    });
  }

  it('says other for unknown Douyin pages and null for other sites and garbage', () => {
    expect(surfaceOf('https://www.douyin.com/hot')).toBe('other');
    expect(surfaceOf('https://www.tiktok.com/foryou')).toBeNull();
    expect(surfaceOf('https://evil.example/douyin.com/video/1')).toBeNull();
    expect(surfaceOf('not a url')).toBeNull();
    expect(surfaceOf('')).toBeNull();
  });
});

describe('Douyin item endpoints', () => {
  it('knows every endpoint of PLATFORMS.md, with or without a query', () => {
    for (const e of ITEM_ENDPOINTS) {
      expect(isItemEndpoint(`https://www.douyin.com${e.path}?device_platform=webapp&aid=6383`)).toBe(true);
      expect(endpointOf(e.path)?.path).toBe(e.path);
    }
  });
  it('tells v1 and v2 module feeds apart (cards[] vs aweme_list[])', () => {
    expect(endpointOf('https://www.douyin.com/aweme/v1/web/module/feed/?x=1')?.itemsAt).toBe('cards[].aweme(json)');
    expect(endpointOf('https://www.douyin.com/aweme/v2/web/module/feed/?x=1')?.itemsAt).toBe('aweme_list');
  });
  it('ignores other requests and other hosts', () => {
    expect(isItemEndpoint('https://www.douyin.com/aweme/v1/web/comment/list/')).toBe(false);
    expect(isItemEndpoint('https://evil.example/aweme/v1/web/tab/feed/')).toBe(false);
    expect(isItemEndpoint('::::')).toBe(false);
  });
});

describe('ad destinations', () => {
  it.each([
    ['https://www.chengzijianzhan.com/tetris/page/6882740129313603598/?clickid=x', 'landing-page'],
    ['https://3.cn/100rwUP-a', 'external-commerce'],
    ['https://item.jd.com/100.html', 'external-commerce'],
    ['https://detail.tmall.com/item.htm?id=1', 'external-commerce'],
    ['https://m.tb.cn/h.abc', 'external-commerce'],
    ['https://mobile.yangkeduo.com/goods.html?goods_id=1', 'external-commerce'],
    ['https://s3.bytecdn.cn/ies/venus/webcast_activity/douyin/d2020/main_h5/index.html', 'platform-activity'],
    ['https://haohuo.jinritemai.com/views/product/item2?id=1', 'closed-loop-product'],
    ['https://live.douyin.com/748885465117', 'closed-loop-live'],
    ['https://apps.apple.com/cn/app/id1', 'app-install'],
    ['https://www.zuoyebang.com/static/hy/x.html', 'landing-page'],
  ])('%s → %s', (url, kind) => expect(destinationKind(url)?.kind).toBe(kind));
  it('does not match a look-alike host', () => {
    expect(destinationKind('https://notjd.com/x')?.kind).toBe('landing-page');
    expect(destinationKind('javascript:alert(1)')).toBeUndefined();
  });
});
