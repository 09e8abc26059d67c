import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { douyin } from '../../utils/platforms/douyin';
import { classify, DEFAULT_SETTINGS, TOP_KOL_MIN_FOLLOWERS } from '../../utils/classify';
import { tagIds } from '../../utils/model/tags';

const load = (name: string, url: string) =>
  new Map(douyin.extractFromResponse(url, JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/douyin', name), 'utf8'))).map((i) => [i.id, i]));
const feed = load('tab-feed.json', 'https://www.douyin.com/aweme/v1/web/tab/feed/');
const c = (id: string, settings?: Parameters<typeof classify>[1]) => classify(feed.get(id)!, settings);

describe('shop, live, poi', () => {
  it('products make shop product-anchor, with product ids and evidence', () => {
    const r = c('7600000000000000008');
    expect(r.tags.find((t) => t.id === 'shop')).toMatchObject({ kind: 'product-anchor', confidence: 0.95 });
    expect(r.productIds).toEqual(['3500000000000000002']);
    expect(r.shopIds).toEqual(['9001']);
    expect(r.brand).toBe('美妆旗舰店');
  });

  it('an anchor that is a mini-program or a search keyword is no shop', () => {
    expect(c('7600000000000000010').tags).toEqual([]);
    expect(c('7600000000000000011').tags).toEqual([]);
  });

  it('a shop window on the profile alone is no shop tag, unless the setting asks for the hint', () => {
    expect(c('7600000000000000013').tags).toEqual([]);
    expect(c('7600000000000000013', { shopWindowAloneTags: true }).tags[0]).toMatchObject({ id: 'shop', kind: 'shop-window', confidence: 0.25 });
  });

  it('a live room with goods in the cart is live and selling-live; the room id comes from id_str', () => {
    const [room] = douyin.extractFromResponse('https://live.douyin.com/webcast/room/web/enter/', JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/douyin/room-enter.json'), 'utf8')));
    const r = classify(room);
    expect(tagIds(r)).toEqual(['shop', 'live', 'field']);
    expect(r.tags[0].kind).toBe('selling-live');
    expect(r.roomId).toBe('7600000000000000907');
    expect(r.authorName).toBe('品牌自播间');
  });

  it('a live card whose cart is empty but has_commerce_goods is true is live, not shop', () => {
    const follow = load('follow-feed.json', 'https://www.douyin.com/aweme/v1/web/follow/feed/');
    expect(tagIds(classify(follow.get('7600000000000000902')!))).toEqual(['live']);
  });

  it('a city is a place, a shop with a deal is a store plus shop group-buy', () => {
    const search = load('search.json', 'https://www.douyin.com/aweme/v1/web/general/search/single/');
    expect(classify(search.get('7600000000000000301')!).tags).toMatchObject([{ id: 'poi', kind: 'place' }]);
    const [detail] = douyin.extractFromResponse('https://www.douyin.com/aweme/v1/web/aweme/detail/', JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/douyin/detail.json'), 'utf8')));
    const r = classify(detail);
    expect(r.tags.map((t) => [t.id, t.kind])).toEqual([['shop', 'group-buy'], ['poi', 'store']]);
  });
});

describe('FACT roles', () => {
  it('alliance: a creator sells another shop\'s goods with commission', () => {
    const r = c('7600000000000000008');
    const alliance = r.tags.find((t) => t.id === 'alliance')!;
    expect(alliance.confidence).toBe(0.85);
    expect(alliance.evidence.map((e) => e.field)).toEqual(['promotions[0].cos_fee', 'promotions[0].shop']);
    expect(tagIds(r)).not.toContain('field');
  });

  it('field: a verified business sells its own goods', () => {
    const r = c('7600000000000000009');
    expect(tagIds(r)).toEqual(['shop', 'field']);
    expect(r.tags[1].evidence[0]).toMatchObject({ field: 'author.enterprise_verify_reason', value: '茶饮官方账号' });
  });

  it('field: a closed-loop ad whose advertiser is the author', () => {
    const r = c('7600000000000000002');
    expect(tagIds(r)).toEqual(['shop', 'ad', 'field']);
    expect(r.brand).toBe('好物旗舰店');
  });

  it('campaign: a commerce hashtag', () => {
    expect(c('7600000000000000012').tags).toMatchObject([{ id: 'campaign', evidence: [{ value: '双11好物节' }] }]);
  });

  it(`top-kol: ≥ ${TOP_KOL_MIN_FOLLOWERS} followers, only on items that sell or advertise by default`, () => {
    expect(tagIds(c('7600000000000000008'))).toContain('top-kol');
    expect(c('7600000000000000011').tags).toEqual([]); // 9M followers, plain post
    expect(tagIds(c('7600000000000000011', { topKolRequiresCommerce: false }))).toEqual(['top-kol']);
    expect(tagIds(c('7600000000000000008', { topKolMinFollowers: 5_000_000 }))).not.toContain('top-kol');
    expect(DEFAULT_SETTINGS.topKolMinFollowers).toBe(1_000_000);
  });

  it('fills author, desc and keeps tag order stable', () => {
    const r = c('7600000000000000008');
    expect(r).toMatchObject({ platform: 'douyin', id: '7600000000000000008', authorId: '4001', authorName: '达人丙', desc: 'creator sells another shop', source: 'api', format: 'video' });
    expect(tagIds(r)).toEqual(['shop', 'alliance', 'top-kol']);
  });
});
