/**
 * Live rooms: a room from the room-enter API (`/webcast/room/web/enter/`), a feed live card's `cell_room.rawdata`,
 * a search live card's `rawdata`, and a room's product list (`/live/promotions/page/`).
 * A room becomes a FeedItem with format 'live' and the room id as its id.
 */
import { emptyItem, type Fact, type FeedItem, type ItemSource, type LiveFacts } from '../../model/item';
import { productOf } from './extract-commerce';
import { arr, flag, idOf, isObj, meaningful, num, objField, read, str, val, type Obj } from './read';

/** Live facts of one room object; `p` is the path it was read at (`cell_room.rawdata`, `data.data[0]`). */
export function liveFacts(room: Obj, p: string): LiveFacts {
  const selling: Fact[] = [];
  const notSelling: Fact[] = [];
  const live: LiveFacts = { selling, notSelling };
  const roomId = idOf(room, 'id');
  if (roomId) live.roomId = roomId;
  const title = str(room, 'title');
  if (title) live.title = title;
  const status = num(room, 'status');
  if (status !== undefined) live.status = status;
  const users = num(room, 'user_count') ?? num(val(room, 'stats'), 'user_count_str') ?? num(room, 'user_count_str');
  if (users !== undefined) live.userCount = users;
  const owner = val(room, 'owner');
  if (isObj(owner)) {
    const nick = str(owner, 'nickname');
    if (nick) live.ownerNickname = nick;
    const ownerId = idOf(owner, 'id') ?? str(owner, 'sec_uid');
    if (ownerId) live.ownerId = ownerId;
    const webRid = str(owner, 'web_rid');
    if (webRid) live.webRid = webRid;
    const verify = str(val(owner, 'authentication_info'), 'enterprise_verify_reason') ?? str(owner, 'enterprise_verify_reason');
    if (verify) live.ownerBusiness = { field: `${p}.owner.authentication_info.enterprise_verify_reason`, value: verify };
  }
  sellingFacts(room, p, selling, notSelling);
  return live;
}

/**
 * Whether the room sells. The cart is the direct witness; `business_live: 1` together with `has_commerce_goods`
 * counts only when no cart data says otherwise. `has_commerce_goods` alone never counts (PLATFORMS.md: a musician's
 * room and a 2026 game stream carry it with nothing to sell).
 */
function sellingFacts(room: Obj, p: string, selling: Fact[], notSelling: Fact[]): void {
  const cart = read(room, 'room_cart');
  if (cart && isObj(cart.value)) {
    const contain = flag(cart.value, 'contain_cart');
    if (contain === true) selling.push({ field: `${p}.${cart.key}.contain_cart`, value: true });
    if (contain === false) notSelling.push({ field: `${p}.${cart.key}.contain_cart`, value: false });
    const total = num(cart.value, 'total');
    if (total !== undefined) (total > 0 ? selling : notSelling).push({ field: `${p}.${cart.key}.total`, value: total });
  }
  const ecom = read(room, 'ecom_data');
  if (ecom) (meaningful(ecom.value) ? selling : notSelling).push({ field: `${p}.${ecom.key}`, value: meaningful(ecom.value) ? 'non-empty' : 'empty' });
  const goods = flag(room, 'has_commerce_goods');
  const business = num(room, 'business_live');
  if (goods && business === 1 && notSelling.length === 0) {
    selling.push({ field: `${p}.business_live`, value: 1 });
    selling.push({ field: `${p}.has_commerce_goods`, value: true });
  }
}

/** A room object as its own FeedItem (room-enter, live search). */
export function roomItem(room: unknown, p: string, source: ItemSource, endpoint?: string): FeedItem | undefined {
  if (!isObj(room)) return undefined;
  const live = liveFacts(room, p);
  if (!live.roomId) return undefined;
  const item = emptyItem('douyin', live.roomId, source);
  item.format = 'live';
  if (endpoint) item.endpoint = endpoint;
  item.live = live;
  if (live.title) item.desc = live.title;
  const owner = val(room, 'owner');
  if (isObj(owner)) {
    const uid = idOf(owner, 'id');
    if (uid) item.author.uid = uid;
    const sec = str(owner, 'sec_uid');
    if (sec) item.author.secUid = sec;
    if (live.ownerNickname) item.author.nickname = live.ownerNickname;
    const followers = num(val(owner, 'follow_info'), 'follower_count');
    if (followers !== undefined) item.author.followerCount = { field: `${p}.owner.follow_info.follower_count`, value: followers };
    if (live.ownerBusiness && typeof live.ownerBusiness.value === 'string') item.author.businessVerify = { field: live.ownerBusiness.field, value: live.ownerBusiness.value };
    if (flag(owner, 'with_fusion_shop_entry')) item.author.seller = { field: `${p}.owner.with_fusion_shop_entry`, value: true };
  }
  return item;
}

/** Rooms in a room-enter response: `data.data[]` (web 2026) or `data.data` as one room (app 2020). */
export function extractRoomEnter(json: unknown, endpoint?: string): FeedItem[] {
  const outer = objField(json, 'data');
  if (!outer) return [];
  const inner = val(outer.value, 'data');
  const rooms = Array.isArray(inner) ? inner : isObj(inner) ? [inner] : [];
  const out: FeedItem[] = [];
  rooms.forEach((r, i) => {
    const item = roomItem(r, Array.isArray(inner) ? `data.data[${i}]` : 'data.data', 'api', endpoint);
    if (item) out.push(item);
  });
  return out; // `similar_rooms` are recommendation stubs, not items on screen
}

/** A room's product list. The room id comes from the request (`room_id=`) or from the products' own links. */
export function extractLivePromotions(url: string, json: unknown, endpoint?: string): FeedItem[] {
  const data = isObj(val(json, 'data')) ? (val(json, 'data') as Obj) : isObj(json) ? json : undefined;
  if (!data) return [];
  const promotions = arr(data, 'promotions');
  const roomId = roomIdFromUrl(url) ?? promotions.map(roomIdFromPromotion).find((x) => x);
  if (!roomId) return [];
  const item = emptyItem('douyin', roomId, 'api');
  item.format = 'live';
  if (endpoint) item.endpoint = endpoint;
  promotions.forEach((p, i) => {
    const product = productOf(p, `data.promotions[${i}]`);
    if (product) item.products.push(product);
  });
  const selling: Fact[] = [];
  const notSelling: Fact[] = [];
  const total = num(data, 'total');
  if (total !== undefined) (total > 0 ? selling : notSelling).push({ field: 'data.total', value: total });
  if (item.products.length) selling.push({ field: 'data.promotions', value: item.products.length });
  item.live = { roomId, selling, notSelling };
  return [item];
}

function roomIdFromUrl(url: string): string | undefined {
  try {
    const v = new URL(url, 'https://live.douyin.com').searchParams.get('room_id');
    return v && /^\d{6,25}$/.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `extra.origin_id` is `<author>_<room>_<product>`; `detail_url` carries `live_room_id` in its meta params. */
function roomIdFromPromotion(p: unknown): string | undefined {
  const origin = str(val(p, 'extra'), 'origin_id');
  const m = origin?.match(/^\d+_(\d{6,25})_\d+$/);
  if (m) return m[1];
  const detail = str(p, 'detail_url') ?? '';
  const d = detail.match(/live_room_id%22%3A%22(\d{6,25})|live_room_id["']?\s*[:=]\s*["']?(\d{6,25})/);
  return d ? (d[1] ?? d[2]) : undefined;
}
