import { describe, expect, it } from 'vitest';
import { douyin } from '../../utils/platforms/douyin';

/** Small pages shaped like the markup PLATFORMS.md describes (hash class names left out on purpose). */
const page = (html: string): Document => new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');

const FEED = `
<div id="slidelist"><div data-e2e="slideList">
  <div data-e2e="feed-video" data-e2e-vid="7600000000000000001"><div class="video-info-detail"><div class="account"><span>@路人</span></div><div class="title"><span data-e2e="video-desc">hello</span></div></div></div>
  <div data-e2e="feed-active-video" data-e2e-vid="7600000000000000002">
    <div class="video-info-detail"><div class="account"><span>@品牌</span><svg width="30" height="16"></svg></div></div>
    <div class="player-position-box-bottom"><div class="xgplayer-shop-anchor">购物 保温杯</div></div>
  </div>
  <div data-e2e="feed-video" class="video_7600000000000000003"><div class="video-info-detail"><div class="account"><span>@x</span><span class="video-create-time">1天前</span></div><div class="title">新品 <span>广告</span></div></div></div>
  <div id="slider-card" data-e2e="feed-live"><div data-e2e="basicPlayer"></div><div data-e2e="yellowCart-container"></div><span>全部商品</span><a href="https://live.douyin.com/81234567890">进入直播间</a></div>
</div></div>`;

describe('Douyin DOM', () => {
  const doc = page(FEED);
  it('finds feed items with their ids (data-e2e-vid, a video_<id> class) and the active one', () => {
    const items = douyin.dom.findItems(doc);
    expect(items.map((i) => i.id)).toEqual(['7600000000000000001', '7600000000000000002', '7600000000000000003', null]);
    expect(douyin.dom.activeItem(doc)?.id).toBe('7600000000000000002');
  });

  it('reads the ad svg in the account row and the product anchor', () => {
    const s = douyin.dom.signals(douyin.dom.activeItem(doc)!.el);
    expect(s.ad.map((e) => e.field)).toEqual(['.video-info-detail .account svg']);
    expect(s.shop[0]).toMatchObject({ source: 'dom', field: '.xgplayer-shop-anchor' });
    expect(s.live).toEqual([]);
  });

  it('reads a 广告 text label, and a plain item has no signals', () => {
    const [plain, , labelled, live] = douyin.dom.findItems(doc);
    expect(douyin.dom.signals(plain.el)).toEqual({ ad: [], shop: [], live: [], poi: [] });
    expect(douyin.dom.signals(labelled.el).ad[0]).toMatchObject({ field: 'text', value: '广告' });
    const ls = douyin.dom.signals(live.el);
    expect(ls.live.length).toBe(1);
    expect(ls.shop.map((e) => e.value)).toEqual(['present', '全部商品']);
  });

  it('does not read a 30×16 svg beside the creation time (a 共创 credit) as an ad', () => {
    const d = page('<div data-e2e="feed-video"><div class="video-info-detail"><div class="account"><span class="video-create-time">1天前</span><svg width="30" height="16"></svg></div></div></div>');
    expect(douyin.dom.signals(douyin.dom.findItems(d)[0].el).ad).toEqual([]);
  });

  it('reads shop links to haohuo / jinritemai', () => {
    const d = page('<div data-e2e="feed-video"><a href="https://haohuo.jinritemai.com/views/product/item2?id=1">买</a></div>');
    expect(douyin.dom.signals(douyin.dom.findItems(d)[0].el).shop).toHaveLength(1);
  });

  it('classifies clicks', () => {
    const d = page(`<div class="xgplayer-shop-anchor"><span id="a">购物</span></div><div data-e2e="yellowCart-container"><i id="b"></i></div>
      <a id="c" href="https://live.douyin.com/1">live</a><p id="d">text</p>`);
    const kind = (id: string) => douyin.dom.clickKind(d.getElementById(id)!);
    expect([kind('a'), kind('b'), kind('c'), kind('d')]).toEqual(['product-click', 'cart-open', 'live-enter', null]);
  });

  it('anchors the overlay above the product-anchor row, else the info block, and lists expected selectors per surface', () => {
    const el = douyin.dom.activeItem(doc)!.el;
    expect(douyin.dom.overlayAnchor(el).className).toBe('player-position-box-bottom');
    const plain = doc.querySelector('[data-e2e-vid="7600000000000000001"]')!;
    expect(douyin.dom.overlayAnchor(plain).className).toBe('video-info-detail');
    expect(douyin.dom.expected('recommend').length).toBeGreaterThan(0);
    expect(doc.querySelector(douyin.dom.expected('recommend')[0].selector)).not.toBeNull();
    expect(douyin.dom.expected('other')).toEqual([]);
  });
});

describe('Douyin product pages and optional DOM hooks', () => {
  it('tells buy and add-to-cart buttons apart on a product page', () => {
    const d = page('<button id="buy"><span>立即购买</span></button><div role="button" id="cart">加入购物车</div>');
    expect(douyin.dom.clickKind(d.querySelector('#buy span')!)).toBe('buy-intent');
    expect(douyin.dom.clickKind(d.getElementById('cart')!)).toBe('add-to-cart');
  });
  it('finds the feed container and says a slide without a video is playing', () => {
    const d = page('<div id="slidelist"><div data-e2e="slideList"><div data-e2e="feed-video"></div></div></div>');
    expect(douyin.dom.feedContainer?.(d)?.getAttribute('data-e2e')).toBe('slideList');
    expect(douyin.dom.isPlaying?.(d.querySelector('[data-e2e="feed-video"]')!)).toBe(true);
  });
  it('reads room numbers, product ids and search keywords from URLs', () => {
    expect(douyin.urlFacts?.('https://live.douyin.com/748885465117')).toEqual({ roomId: '748885465117' });
    expect(douyin.urlFacts?.('https://haohuo.jinritemai.com/views/product/item2?id=3427208925718663648')).toEqual({ productId: '3427208925718663648' });
    expect(douyin.urlFacts?.('https://www.douyin.com/search/%E5%8F%A3%E7%BA%A2?type=video')).toEqual({ query: '口红' });
    expect(douyin.urlFacts?.('https://www.douyin.com/')).toEqual({});
  });
});
