import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { douyin } from '../../utils/platforms/douyin';
import type { FeedItem } from '../../utils/model/item';

const fixture = (name: string): unknown => JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/douyin', name), 'utf8'));
const W = 'https://www.douyin.com';
const byId = (items: FeedItem[], id: string) => items.find((i) => i.id === id)!;

describe('Douyin extraction, per endpoint shape', () => {
  it('aweme_list[] (tab feed) and top-level preload_ads[] (always ads); items without a usable id are skipped', () => {
    const items = douyin.extractFromResponse(`${W}/aweme/v1/web/tab/feed/?count=10`, fixture('tab-feed.json'));
    expect(items.map((i) => i.id)).toContain('7600000000000000001');
    expect(items.find((i) => i.desc === 'bad id')).toBeUndefined();
    expect(items).toHaveLength(15);
    const preload = byId(items, '7600000000000000020');
    expect(preload.ad.markers.map((m) => m.field)).toContain('preload_ads[]');
    expect(items.every((i) => i.endpoint === '/aweme/v1/web/tab/feed/' && i.source === 'api')).toBe(true);
  });

  it('raw_ad_data as a JSON string: destinations, advertiser and label', () => {
    const item = byId(douyin.extractFromResponse(`${W}/aweme/v1/web/tab/feed/`, fixture('tab-feed.json')), '7600000000000000002');
    expect(item.ad.markers).toContainEqual({ field: 'raw_ad_data.label.text', value: '广告' });
    expect(item.ad.advertiser?.value).toBe('好物旗舰店');
    expect(item.ad.destinationKinds?.[0]).toMatchObject({ kind: 'closed-loop-product', field: 'raw_ad_data.web_url' });
    expect(item.products[0]).toMatchObject({ id: '3500000000000000001', priceFen: 5900, field: 'promotions[0]' });
  });

  it('an empty raw_ad_data string is no marker of its own', () => {
    const item = byId(douyin.extractFromResponse(`${W}/aweme/v1/web/tab/feed/`, fixture('tab-feed.json')), '7600000000000000006');
    expect(item.ad.markers.map((m) => m.field)).toEqual(['is_ads']);
  });

  it('web_raw_data → brand_ad (both JSON strings) with is_ad 1 marks a brand ad', () => {
    const item = byId(douyin.extractFromResponse(`${W}/aweme/v1/web/tab/feed/`, fixture('tab-feed.json')), '7600000000000000005');
    expect(item.ad.brandAd).toEqual({ field: 'web_raw_data.brand_ad.is_ad', value: true });
  });

  it('simple_promotions (a JSON string), commission and unknown aweme_type values', () => {
    const items = douyin.extractFromResponse(`${W}/aweme/v1/web/tab/feed/`, fixture('tab-feed.json'));
    expect(byId(items, '7600000000000000009').products[0]).toMatchObject({ id: '3500000000000000003', field: 'simple_promotions[0]', shopName: '茶饮官方' });
    expect(byId(items, '7600000000000000008').products[0].commission).toEqual({ field: 'promotions[0].cos_fee', value: 1290 });
    expect(byId(items, '7600000000000000010')).toMatchObject({ rawType: 55, format: 'video' });
    expect(byId(items, '7600000000000000014')).toMatchObject({ rawType: 999, format: 'image' });
  });

  it('anchors: mini-program and search keyword are not products; author shop window is read', () => {
    const items = douyin.extractFromResponse(`${W}/aweme/v1/web/tab/feed/`, fixture('tab-feed.json'));
    expect(byId(items, '7600000000000000010').anchors).toEqual([{ type: 4, kind: 'mini-app', field: 'anchor_info', title: '小程序' }]);
    expect(byId(items, '7600000000000000011').anchors[0].kind).toBe('search-keyword');
    expect(byId(items, '7600000000000000013').author.shopWindow).toEqual({ field: 'author.card_entries[0]', value: true });
    expect(byId(items, '7600000000000000012').campaigns).toEqual([{ field: 'text_extra[0].is_commerce', value: '双11好物节' }]);
  });

  it('a feed live card: cell_room.rawdata (JSON string) gives the room id from id_str and the cart', () => {
    const item = byId(douyin.extractFromResponse(`${W}/aweme/v1/web/tab/feed/`, fixture('tab-feed.json')), '7600000000000000003');
    expect(item.format).toBe('live');
    expect(item.live).toMatchObject({ roomId: '7600000000000000903', status: 2, webRid: '81234567890', ownerNickname: '主播乙', userCount: 321 });
    expect(item.live?.selling.map((f) => f.field)).toEqual(['cell_room.rawdata.room_cart.contain_cart', 'cell_room.rawdata.room_cart.total']);
  });

  it('follow feed: data[].aweme, and a live card as data[].cell_room with an empty aweme', () => {
    const items = douyin.extractFromResponse(`${W}/aweme/v1/web/follow/feed/`, fixture('follow-feed.json'));
    expect(items.map((i) => [i.id, i.format])).toEqual([['7600000000000000101', 'video'], ['7600000000000000902', 'live']]);
    expect(items[1].live?.notSelling.length).toBe(2);
    expect(items[1].live?.selling).toEqual([]); // has_commerce_goods alone does not sell
  });

  it('v1 module feed: cards[].aweme is a JSON string; a broken string is skipped', () => {
    const items = douyin.extractFromResponse(`${W}/aweme/v1/web/module/feed/`, fixture('module-feed-v1.json'));
    expect(items.map((i) => i.id)).toEqual(['7600000000000000201', '7600000000000000202']);
    expect(items[1].ad.destinationKinds?.[0].kind).toBe('landing-page');
  });

  it('search: aweme_info, aweme_mix_info.mix_items[], a live card with rawdata; a hot-list card gives nothing', () => {
    const items = douyin.extractFromResponse(`${W}/aweme/v1/web/general/search/single/`, fixture('search.json'));
    expect(items.map((i) => i.id)).toEqual(['7600000000000000301', '7600000000000000302', '7600000000000000303', '7600000000000000304', '7600000000000000305']);
    expect(items[0].poi).toMatchObject({ id: '6601000000000000001', typeCode: '190104', field: 'anchor_info.extra.poi_id' });
    expect(items[1].format).toBe('image');
    expect(items[4].live?.roomId).toBe('7600000000000000905'); // not the rounded author.room_id
  });

  it('aweme_detail: poi_info wins over the anchor, and a deal in poi_biz is a group-buy', () => {
    const [item] = douyin.extractFromResponse(`${W}/aweme/v1/web/aweme/detail/?aweme_id=1`, fixture('detail.json'));
    expect(item.poi).toMatchObject({ id: '6601000000000000002', name: '某火锅(西湖店)', field: 'poi_info', groupBuy: { field: 'poi_biz.deal_info', value: true } });
  });

  it('live search: rooms under lives.rawdata become live items', () => {
    const [room] = douyin.extractFromResponse(`${W}/aweme/v1/web/live/search/?keyword=x`, fixture('live-search.json'));
    expect(room).toMatchObject({ id: '7600000000000000906', format: 'live' });
  });

  it('room enter: data.data[] rooms are items, similar_rooms are not', () => {
    const items = douyin.extractFromResponse('https://live.douyin.com/webcast/room/web/enter/?web_rid=1', fixture('room-enter.json'));
    expect(items.map((i) => i.id)).toEqual(['7600000000000000907']);
    expect(items[0].live?.ownerBusiness?.value).toBe('某品牌官方旗舰店');
    expect(items[0].author.followerCount?.value).toBe(52000);
  });

  it('live promotions: the room id from the request, else from the products; products kept', () => {
    const withQuery = douyin.extractFromResponse('https://live.douyin.com/live/promotions/page/?room_id=7600000000000000777', fixture('live-promotions.json'));
    expect(withQuery[0].id).toBe('7600000000000000777');
    const [item] = douyin.extractFromResponse('https://live.douyin.com/live/promotions/page/', fixture('live-promotions.json'));
    expect(item).toMatchObject({ id: '7600000000000000908', format: 'live' });
    expect(item.products.map((p) => p.id)).toEqual(['3500000000000000010', '3500000000000000011']);
    expect(item.products[0].shopId).toBe('1234');
  });

  it('the 2020 app wrapper {code, data: {aweme_list}}, raw_ad_data as an object, promotion ids without product_id', () => {
    const items = douyin.extractFromResponse('https://aweme.snssdk.com/aweme/v1/feed/', fixture('app-2020.json'));
    expect(items[0].ad.destinationKinds?.[0].kind).toBe('platform-activity');
    expect(items[1].products[0]).toMatchObject({ id: '3400000000000000001', commission: { field: 'promotions[0].cos_radio', value: 100 } });
  });

  it('recognises a shape even from an unlisted endpoint', () => {
    expect(douyin.extractFromResponse(`${W}/aweme/v9/web/new/feed/`, fixture('tab-feed.json')).length).toBe(15);
    expect(douyin.extractFromResponse(`${W}/x/`, JSON.stringify(fixture('search.json'))).length).toBe(5);
  });
});
