/**
 * Two live rooms beyond the recommend feed's (demo/data.mjs has the influencer rooms), shaped like the real
 * responses described in ../../../shared/PLATFORMS.md:
 *  - BRAND_ROOM: a brand's own room (青禾茶饮官方旗舰店) selling its own shop's goods → shop + live + field;
 *  - GAME_ROOM: a game stream with `has_commerce_goods: true` but an empty cart (as in the real 2026 capture)
 *    → live only: `has_commerce_goods` alone never makes a selling room.
 * The room-enter body holds no web_rid anywhere (the real 2026 response keeps it in the request URL only); the
 * feed card's `rawdata` does (`owner.web_rid`). Ids are strings where the real API has `*_str` copies.
 */
import { productUrl } from '../data.mjs';

const avatar = (uri) => ({ uri, url_list: [`https://p3-pc.douyinpic.com/aweme/100x100/${uri}.jpeg`] });

const ROOMS = [
  {
    key: 'brand', webRid: '810000000017', roomId: '7512000000000000017', uid: '96000000017', title: '青禾新茶上市 官方直播间',
    nickname: '青禾茶饮官方旗舰店', verify: '青禾茶饮官方旗舰店', followers: 386_000, users: 5230, selling: true,
    goods: [['青禾茉莉绿茶 500ml×15瓶', 4590], ['青禾冷泡乌龙茶包 30袋', 3990], ['青禾白桃乌龙 礼盒装', 12800]],
    shop: { id: '20481357', name: '青禾茶饮官方旗舰店' },
  },
  {
    key: 'game', webRid: '810000000024', roomId: '7512000000000000024', uid: '96000000024', title: '峡谷排位 冲王者',
    nickname: '峡谷打野王', verify: '', followers: 64_000, users: 1890, selling: false, goods: [], shop: null,
  },
];
export const BRAND_ROOM = ROOMS[0];
export const GAME_ROOM = ROOMS[1];
export const roomByWebRid = (webRid) => ROOMS.find((r) => r.webRid === webRid) ?? null;
export const roomById = (roomId) => ROOMS.find((r) => r.roomId === roomId) ?? null;

/** Product ids of a room: 19 digits, outside demo/data.mjs's product range. */
export const roomProductId = (room, k) => `35${room.roomId.slice(-9)}0000000${k}`;

function commerce(room) {
  return {
    has_commerce_goods: true, // set on both rooms: alone it proves nothing
    room_cart: room.selling ? { contain_cart: true, total: room.goods.length, flash_total: 0, show_cart: 1 } : { contain_cart: false, total: 0, flash_total: 0, show_cart: 0 },
    ecom_data: room.selling ? { reds_show_infos: [], instant_type: 0, intro_type: 1 } : {},
    scene_type_info: { is_life: false, is_lasted_goods_room: room.selling ? 1 : 2, is_desire_room: 2 },
    room_auth: { Chat: true, Gift: true, Digg: true, CommerceCard: room.selling ? 1 : 0 },
  };
}

function owner(room, { withWebRid }) {
  const o = {
    id_str: room.uid,
    sec_uid: `MS4wLjABAAAA-surfaces-${room.key}-owner`,
    nickname: room.nickname,
    avatar_thumb: avatar(`webcast-avatar/${room.key}`),
    follow_info: { follow_status: 0, follow_status_str: '0', follower_count: room.followers },
    // The live API's user object keeps the blue-V reason under authentication_info.
    authentication_info: { custom_verify: '', enterprise_verify_reason: room.verify },
  };
  if (withWebRid) o.web_rid = room.webRid;
  return o;
}

/** The feed card's `cell_room.rawdata` (a JSON string in the real response); the room id as a bare number too. */
export function roomCardRawdata(room) {
  const obj = {
    id: '__ID__', id_str: room.roomId, status: 2, title: room.title, user_count: room.users,
    owner: owner(room, { withWebRid: true }), ...commerce(room),
  };
  return JSON.stringify(obj).replace('"__ID__"', room.roomId);
}

/** `/webcast/room/web/enter/?web_rid=…` (2026 shape: `data.data[0]`; no web_rid in the body). */
export function surfaceRoomEnter(webRid) {
  const room = roomByWebRid(webRid);
  if (!room) return null;
  const data = {
    id_str: room.roomId, status: 2, status_str: '2', title: room.title, user_count_str: String(room.users),
    owner: owner(room, { withWebRid: false }), owner_user_id_str: '', live_room_mode: 1, linker_map: {},
    stats: { total_user_str: String(room.users * 9), user_count_str: String(room.users) },
    room_view_stats: { display_long: `${room.users}在线观众`, display_value: room.users },
    paid_live_data: { paid_type: 0 }, ...commerce(room),
  };
  return {
    data: { data: [data], enter_room_id: room.roomId, user: { id_str: '', nickname: '' }, room_status: 0, similar_rooms: [] },
    extra: { now: 1767225600000 }, status_code: 0,
  };
}

/** `/live/promotions/page/?room_id=…`: the cart's products with their shop. */
export function surfaceRoomPromotions(roomId) {
  const room = roomById(roomId);
  if (!room) return null;
  const promotions = room.goods.map(([title, price], k) => {
    const id = roomProductId(room, k);
    return { product_id: id, promotion_id: id, title, price, min_price: price, shop_id: room.shop.id, shop_name: room.shop.name, detail_url: productUrl(id), in_stock: true, cos_fee: 0, cos_ratio: 0 };
  });
  return { status_code: 0, total: promotions.length, flash_total: 0, has_more: false, show_cart: promotions.length ? 1 : 0, promotions };
}

/** A product of these rooms, for the product page (same shape as demo/data.mjs productById). */
export function surfaceProductById(productId) {
  for (const room of ROOMS) {
    const p = surfaceRoomPromotions(room.roomId)?.promotions.find((x) => x.product_id === String(productId));
    if (p) return { ...p, fromItem: room.roomId };
  }
  return null;
}

/** What the overlay must show on the room. */
export const expectedRoomTags = (room) => (room.selling ? ['shop', 'live', 'field'] : ['live']);
