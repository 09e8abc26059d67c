// The demo replica's data (demo/data.mjs): ids, shapes like the real web API, and a ground truth that follows the
// tag definitions. These tests check the demo itself, not the extension's classifier.
import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE_COUNT,
  TOP_KOL_MIN_FOLLOWERS,
  demoFeed,
  expectedFeed,
  feedItemAt,
  feedPage,
  indexOfAwemeId,
  productById,
  roomByWebRid,
  roomEnterResponse,
} from '../../demo/data.mjs';

const parse = (s: unknown) => (typeof s === 'string' ? JSON.parse(s) : null);

describe('demo feed ground truth', () => {
  it('lists the twelve first-page items in the order the brief fixes', () => {
    expect(demoFeed.map((e) => e.kind)).toEqual([
      'plain', 'ad-landing', 'alliance', 'field', 'live-selling', 'poi-groupbuy',
      'ad-product', 'ad-live', 'plain', 'poi-city', 'ad-app', 'image',
    ]);
    expect(demoFeed.map((e) => e.tags)).toEqual([
      [], ['ad'], ['shop', 'alliance', 'top-kol'], ['shop', 'field'], ['shop', 'live'], ['shop', 'poi'],
      ['shop', 'ad', 'field'], ['shop', 'ad', 'live'], [], ['poi'], ['ad'], [],
    ]);
    expect(demoFeed.map((e) => e.adKind ?? null)).toEqual([
      null, 'landing-page', null, null, null, null, 'closed-loop-product', 'closed-loop-live', null, null, 'app-install', null,
    ]);
  });

  it('gives every item a unique 19-digit id that maps back to its position', () => {
    const all = expectedFeed(2000);
    expect(new Set(all.map((e) => e.id)).size).toBe(2000);
    for (const e of all) {
      expect(e.id).toMatch(/^\d{19}$/);
      expect(indexOfAwemeId(e.id)).toBe(e.index);
    }
  });

  it('keeps plain items untagged: their authors stay under the top-KOL threshold', () => {
    for (const e of expectedFeed(2000)) {
      if (e.kind === 'plain' || e.kind === 'image') {
        expect(e.tags).toEqual([]);
        expect(e.followers).toBeLessThan(TOP_KOL_MIN_FOLLOWERS);
      }
      expect(e.tags.includes('top-kol')).toBe(
        e.followers >= TOP_KOL_MIN_FOLLOWERS && (e.tags.includes('shop') || e.tags.includes('ad')),
      );
    }
  });
});

describe('demo feed data shapes', () => {
  it('pages by cursor and stops at the feed length', () => {
    const p1 = feedPage({ cursor: 0, count: FIRST_PAGE_COUNT, total: 25 });
    expect(p1.status_code).toBe(0);
    expect(p1.aweme_list).toHaveLength(12);
    expect(p1.has_more).toBe(1);
    expect(p1.max_cursor).toBe(12);
    const last = feedPage({ cursor: 20, count: 10, total: 25 });
    expect(last.aweme_list).toHaveLength(5);
    expect(last.has_more).toBe(0);
    // deterministic
    expect(JSON.stringify(feedPage({ cursor: 12, count: 10, total: 100 }))).toBe(JSON.stringify(feedPage({ cursor: 12, count: 10, total: 100 })));
  });

  it('sends ads with raw_ad_data as a JSON string labelled 广告, group_id as a bare number', () => {
    const ad = feedItemAt(1);
    expect(ad.is_ads).toBe(true);
    expect(typeof ad.raw_ad_data).toBe('string');
    const raw = parse(ad.raw_ad_data);
    expect(raw.label.text).toBe('广告');
    expect(raw.web_url).toMatch(/^https:\/\/www\.chengzijianzhan\.com\/tetris\/page\//);
    expect(ad.raw_ad_data).toContain(`"group_id":${ad.aweme_id}`);
    const app = parse(feedItemAt(10).raw_ad_data);
    expect(app.download_url).toMatch(/\.apk$/);
    expect(app.app_name).toBeTruthy();
  });

  it('separates the influencer (other shop, commission) from the brand (own shop)', () => {
    const kol = feedItemAt(2);
    expect(kol.author.follower_count).toBeGreaterThanOrEqual(2_000_000);
    expect(kol.author.enterprise_verify_reason).toBe('');
    expect(kol.promotions[0].cos_ratio).toBeGreaterThan(0);
    expect(kol.promotions[0].shop_name).not.toBe(kol.author.nickname);
    const brand = feedItemAt(3);
    expect(brand.author.enterprise_verify_reason).toMatch(/官方旗舰店$/);
    expect(parse(brand.author.account_cert_info)).toEqual({ is_biz_account: 1 });
    expect(brand.promotions[0].shop_name).toBe(brand.author.enterprise_verify_reason);
    expect(brand.promotions[0].cos_fee).toBe(0);
  });

  it('makes live cards with a rawdata string, a web_rid and a cart only when selling', () => {
    const live = feedItemAt(4);
    expect(live.aweme_type).toBe(101);
    const room = parse(live.cell_room.rawdata);
    expect(room.id_str).toBe(live.aweme_id);
    expect(room.status).toBe(2);
    expect(room.owner.web_rid).toMatch(/^\d{12}$/);
    expect(room.room_cart.contain_cart).toBe(true);
    // bare JSON number ids lose precision, as on the real API
    expect(String(room.id)).not.toBe(room.id_str);
    const found = roomByWebRid(room.owner.web_rid);
    expect(found?.goods.length).toBeGreaterThan(0);
    const enter = roomEnterResponse(room.owner.web_rid);
    expect(enter.data.data[0].id_str).toBe(room.id_str);
    expect(enter.data.data[0].room_cart.contain_cart).toBe(true);
  });

  it('puts the POI in anchor_info.extra as a JSON string; a city has type_code 190104', () => {
    const shop = feedItemAt(5);
    expect(shop.anchor_info.type).toBe(2);
    const extra = parse(shop.anchor_info.extra);
    expect(extra.poi_id).toBe(shop.poi_info.poi_id);
    expect(extra.groupon.price).toBeGreaterThan(0);
    const city = feedItemAt(9);
    expect(city.poi_info.type_code).toBe('190104');
    expect(parse(city.anchor_info.extra).groupon).toBeUndefined();
  });

  it('finds each listed product for the product page', () => {
    for (const e of expectedFeed(200)) for (const id of e.productIds ?? []) expect(productById(id)?.product_id).toBe(id);
    expect(productById('123')).toBeNull();
  });
});
