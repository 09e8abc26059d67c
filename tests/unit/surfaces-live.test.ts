// Live rooms of the replicas through the real extraction + classifier: the room API gives the room (with its
// live.douyin.com number taken from the request URL), the product list adds the goods, and merged the two say
// who sells — the brand's own room (field) or an influencer selling another shop's goods (alliance).
import { describe, expect, it } from 'vitest';
import { classify } from '../../utils/classify';
import { TAG_IDS } from '../../utils/model/tags';
import type { FeedItem } from '../../utils/model/item';
import { douyin } from '../../utils/platforms/douyin';
import { mergeItems } from '../../utils/content/merge-items';
import { BRAND_ROOM, GAME_ROOM, surfaceRoomEnter, surfaceRoomPromotions, roomProductId } from '../../demo/douyin-surfaces/data-live.mjs';
import { DEMO_LIVE_WEB_RID, roomEnterResponse } from '../../demo/replica.mjs';
import { roomPromotionsResponse } from '../../demo/data.mjs';

const L = 'https://live.douyin.com';
const tagsOf = (item: FeedItem) => {
  const ids = new Set(classify(item).tags.map((t) => t.id));
  return TAG_IDS.filter((t) => ids.has(t));
};
const enter = (webRid: string, json: unknown) => douyin.extractFromResponse(`${L}/webcast/room/web/enter/?aid=6383&web_rid=${webRid}`, json);
const goods = (roomId: string, json: unknown) => douyin.extractFromResponse(`${L}/live/promotions/page/?room_id=${roomId}`, json);

describe('live rooms', () => {
  it('the room-enter item takes its web_rid from the request URL (the 2026 body has none)', () => {
    const [room] = enter(BRAND_ROOM.webRid, surfaceRoomEnter(BRAND_ROOM.webRid));
    expect(room.id).toBe(BRAND_ROOM.roomId);
    expect(room.live?.webRid).toBe(BRAND_ROOM.webRid);
  });

  it("a brand's own room selling its own shop's goods is field; its cart's products join the room", () => {
    const [room] = enter(BRAND_ROOM.webRid, surfaceRoomEnter(BRAND_ROOM.webRid));
    const [list] = goods(BRAND_ROOM.roomId, surfaceRoomPromotions(BRAND_ROOM.roomId));
    const merged = mergeItems(room, list);
    expect(merged.products.map((p) => p.id)).toEqual([0, 1, 2].map((k) => roomProductId(BRAND_ROOM, k)));
    expect(merged.author.businessVerify?.value).toBe('青禾茶饮官方旗舰店');
    expect(tagsOf(merged)).toEqual(['shop', 'live', 'field']);
    expect(classify(merged).productIds[0]).toBe(roomProductId(BRAND_ROOM, 0));
  });

  it("an influencer's room selling a brand's goods is alliance once the products' shop is known", () => {
    const [room] = enter(DEMO_LIVE_WEB_RID, roomEnterResponse(DEMO_LIVE_WEB_RID));
    expect(tagsOf(room)).toEqual(['shop', 'live']); // the room alone: it sells, who sells is not yet known
    const [list] = goods(room.id, roomPromotionsResponse(room.id));
    const merged = mergeItems(room, list);
    expect(tagsOf(merged)).toEqual(['shop', 'live', 'alliance']);
    expect(merged.live?.webRid).toBe(DEMO_LIVE_WEB_RID);
  });

  it('has_commerce_goods alone (empty cart, no ecom data) is not a selling room', () => {
    const [room] = enter(GAME_ROOM.webRid, surfaceRoomEnter(GAME_ROOM.webRid));
    expect(room.live?.notSelling.length).toBeGreaterThan(0);
    expect(tagsOf(room)).toEqual(['live']);
    expect(goods(GAME_ROOM.roomId, surfaceRoomPromotions(GAME_ROOM.roomId))[0].products).toEqual([]);
  });

  it('merging keeps what was seen first and never duplicates a product or a fact', () => {
    const [room] = enter(BRAND_ROOM.webRid, surfaceRoomEnter(BRAND_ROOM.webRid));
    const [list] = goods(BRAND_ROOM.roomId, surfaceRoomPromotions(BRAND_ROOM.roomId));
    const twice = mergeItems(mergeItems(room, list), list);
    expect(twice.products).toHaveLength(3);
    expect(twice.live?.selling).toEqual(mergeItems(room, list).live?.selling);
    expect(twice.live?.title).toBe(BRAND_ROOM.title);
  });
});
