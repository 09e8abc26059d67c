/**
 * TikTok LIVE: a room from `/api/live/detail/` (`LiveRoomInfo`), and a LIVE item in a feed (`liveRoomInfo` on the
 * item). Status 2 is "live now", as on Douyin.
 *
 * Whether a room sells: no capture we hold shows a TikTok room's cart. The witness we have is the owner's
 * `ttSeller` (a TikTok Shop seller account): TikTok lets a seller pin products in LIVE, and the README's ground
 * truth reads a room by a non-seller as not selling. So `ownerInfo.ttSeller: true` (or, on a feed LIVE item, the
 * item's `author.ttSeller`) is a selling fact; `false` is kept as a not-selling fact so the evidence explains it.
 */
import { emptyItem, type FeedItem, type LiveFacts } from '../../model/item';
import { first, idOf, isObj, num, obj, str, val, type Obj } from './read';

/** Spellings of a room id: `roomID` (live detail, 2023), `roomId`, `id_str` / `id` (webcast objects). */
const ROOM_ID_KEYS = ['roomID', 'roomId', 'idStr', 'id_str', 'id'] as const;

export function roomIdOf(room: Obj): string | undefined {
  for (const k of ROOM_ID_KEYS) {
    const id = idOf(room, k);
    if (id) return id;
  }
  return undefined;
}

/** Live facts of one room object; `p` is the path it was read at (`liveRoomInfo`, `LiveRoomInfo`). */
export function liveFacts(room: Obj, p: string, authorSeller?: boolean): LiveFacts {
  const live: LiveFacts = { selling: [], notSelling: [] };
  const roomId = roomIdOf(room);
  if (roomId) live.roomId = roomId;
  const title = str(room, 'title');
  if (title) live.title = title;
  const status = num(room, 'status');
  if (status !== undefined) live.status = status;
  const stats = first(room, ['liveRoomStats', 'stats']);
  const users = num(stats?.value, 'userCount') ?? num(room, 'userCount');
  if (users !== undefined) live.userCount = users;
  const owner = obj(room, 'ownerInfo') ?? obj(room, 'owner');
  if (owner) {
    const nick = str(owner, 'nickname') || str(owner, 'uniqueId');
    if (nick) live.ownerNickname = nick;
    const ownerId = idOf(owner, 'id') ?? str(owner, 'secUid');
    if (ownerId) live.ownerId = ownerId;
    const seller = val(owner, 'ttSeller');
    if (seller === true) live.selling.push({ field: `${p}.ownerInfo.ttSeller`, value: true });
    if (seller === false) live.notSelling.push({ field: `${p}.ownerInfo.ttSeller`, value: false });
  }
  if (authorSeller && !live.selling.length) live.selling.push({ field: 'author.ttSeller', value: true });
  return live;
}

/** A room from `/api/live/detail/`: `{LiveRoomInfo, statusCode}` (also accepted: `data.LiveRoomInfo`, `liveRoomInfo`). */
export function extractLiveDetail(json: unknown, endpoint?: string): FeedItem[] {
  const at = first(json, ['LiveRoomInfo', 'liveRoomInfo']) ?? first(obj(json, 'data'), ['LiveRoomInfo', 'liveRoomInfo']);
  if (!at || !isObj(at.value)) return [];
  const field = isObj(val(json, at.key)) ? at.key : `data.${at.key}`;
  const live = liveFacts(at.value, field);
  if (!live.roomId) return [];
  const item = emptyItem('tiktok', live.roomId, 'api');
  item.format = 'live';
  if (endpoint) item.endpoint = endpoint;
  item.live = live;
  if (live.title) item.desc = live.title.slice(0, 120);
  const owner = obj(at.value, 'ownerInfo');
  if (owner) {
    const uid = idOf(owner, 'id');
    if (uid) item.author.uid = uid;
    const sec = str(owner, 'secUid');
    if (sec) item.author.secUid = sec;
    if (live.ownerNickname) item.author.nickname = live.ownerNickname;
    if (val(owner, 'ttSeller') === true) item.author.seller = { field: `${field}.ownerInfo.ttSeller`, value: true };
  }
  return [item];
}
