/**
 * The items of every Douyin surface replica besides the recommend feed, in the shape of each endpoint's real
 * response (PLATFORMS.md, "Feed API endpoints"). Items are demo/data.mjs feed items (so their ground truth is
 * `expectedAt`), taken by kind from a range of positions set per surface; only the profile re-authors its posts
 * and the note page turns a product video into an image post (neither changes the tags).
 */
import { KINDS, TAG_ORDER, expectedAt, feedItemAt, kindAt } from '../data.mjs';
import { BRAND_ROOM, GAME_ROOM, expectedRoomTags, roomCardRawdata } from './data-live.mjs';

/** Positions searched for each kind. Count. */
const SEARCH_SPAN = 400;

/** The first positions at or after `from` with each kind, in order, never the same position twice. */
export function indicesOfKinds(kinds, from) {
  const used = new Set();
  return kinds.map((kind) => {
    for (let i = from; i < from + SEARCH_SPAN; i++) if (!used.has(i) && kindAt(i) === kind) return used.add(i), i;
    throw new Error(`no ${kind} item after ${from}`);
  });
}

const LAYOUT = {
  follow: [100, ['plain', 'field', 'alliance', 'poi-city']],
  friends: [150, ['plain', 'image', 'alliance', 'poi-groupbuy']],
  searchGeneral: [200, ['alliance', 'plain', 'ad-product', 'poi-groupbuy']],
  searchMix: [230, ['plain', 'plain']],
  searchLive: [240, ['live-selling']],
  searchVideo: [260, ['field', 'plain', 'poi-city', 'ad-landing']],
  profileFirst: [300, ['alliance', 'plain', 'poi-city', 'plain', 'alliance', 'plain']],
  profileMore: [340, ['plain', 'alliance', 'poi-city']],
  video: [380, ['ad-product']],
  note: [390, ['alliance']],
  jingxuan: [400, ['plain', 'ad-landing', 'field', 'alliance', 'poi-groupbuy', 'image']],
  jingxuanMore: [450, ['plain', 'ad-app', 'alliance']],
};
const at = (name) => indicesOfKinds(LAYOUT[name][1], LAYOUT[name][0]);

/** The author of the replica profile: a creator with a shop window, under the top-KOL line. */
export const PROFILE_AUTHOR = { ...feedItemAt(at('profileFirst')[0]).author, nickname: 'Lisa的好物分享', follower_count: 128_000 };
export const PROFILE_SEC_UID = PROFILE_AUTHOR.sec_uid;
const profilePost = (i) => ({ ...feedItemAt(i), author: PROFILE_AUTHOR });

/** An item of a search live result: the item itself carries the room as a `rawdata` JSON string. */
function searchLiveCard(i) {
  const item = feedItemAt(i);
  return { ...item, rawdata: item.cell_room.rawdata, cell_room: null };
}

/** The note page's image post: a product video re-cut as images (aweme_type 68). */
function imagePost(i) {
  const item = feedItemAt(i);
  const images = [1, 2, 3].map((n) => ({ uri: `tos-cn-i-0813/note-${i}-${n}`, url_list: [], width: 1080, height: 1440 }));
  return { ...item, aweme_type: 68, images, video: { ...item.video, duration: 0 } };
}

const ok = (extra) => ({ status_code: 0, status_msg: '', log_pb: { impr_id: 'SURFACES' }, extra: { now: 1767225600000 }, ...extra });

// -- responses, one per endpoint -------------------------------------------------------------------------------

/** `/aweme/v1/web/follow/feed/`: data[].aweme, plus live cards (`cell_room`, empty `aweme`). */
export const followFeed = () => ok({
  data: [
    ...at('follow').slice(0, 2).map((i) => ({ type: 1, aweme: feedItemAt(i) })),
    { type: 101, aweme: {}, cell_room: { rawdata: roomCardRawdata(BRAND_ROOM) } },
    ...at('follow').slice(2).map((i) => ({ type: 1, aweme: feedItemAt(i) })),
    { type: 101, aweme: {}, cell_room: { rawdata: roomCardRawdata(GAME_ROOM) } },
  ],
  cursor: 0, has_more: 0,
});

/** `/aweme/v1/web/familiar/feed/`: the friends feed, same `data[].aweme` shape. */
export const familiarFeed = () => ok({ data: at('friends').map((i) => ({ type: 1, aweme: feedItemAt(i) })), cursor: 0, has_more: 0 });

/** `/aweme/v1/web/general/search/single/`: item cards, a hot-list card (no item), a collection card, a live card. */
export const generalSearch = () => ok({
  data: [
    ...at('searchGeneral').slice(0, 2).map((i) => ({ type: 1, aweme_info: feedItemAt(i) })),
    { type: 996, card_unique_name: 'hot_list', hotspot_info: { board: [{ word: '春日穿搭' }, { word: '新茶上市' }] } },
    { type: 1, aweme_mix_info: { mix_info: { mix_id: '7300000000000000230', mix_name: '合集｜周末去哪儿' }, mix_items: at('searchMix').map(feedItemAt) } },
    ...at('searchGeneral').slice(2).map((i) => ({ type: 1, aweme_info: feedItemAt(i) })),
    ...at('searchLive').map((i) => ({ type: 1, aweme_info: searchLiveCard(i) })),
  ],
  cursor: 10, has_more: 0, global_doodle_config: { keyword: '' },
});

/** `/aweme/v1/web/search/item/`: the video tab. */
export const searchItems = () => ok({ data: at('searchVideo').map((i) => ({ type: 1, aweme_info: feedItemAt(i) })), cursor: 10, has_more: 0 });

/** `/aweme/v1/web/aweme/post/?sec_user_id=…`: a profile's later posts. */
export const profilePosts = () => ok({ aweme_list: at('profileMore').map(profilePost), max_cursor: 0, min_cursor: 0, has_more: 0 });

/** `/aweme/v1/web/aweme/detail/?aweme_id=…`. */
export const awemeDetail = (id) => (id === videoPageId() ? ok({ aweme_detail: feedItemAt(at('video')[0]) }) : ok({ aweme_detail: null, filter_detail: { filter_reason: 'status_deleted' } }));

/** `/aweme/v1/web/module/feed/` (精选): `cards[].aweme` is a JSON string. */
export const moduleFeedV1 = () => ok({ cards: at('jingxuan').map((i) => ({ type: 1, aweme: JSON.stringify(feedItemAt(i)) })), has_more: 1 });

/** `/aweme/v2/web/module/feed/`: the newer shape, `aweme_list`. */
export const moduleFeedV2 = () => ok({ aweme_list: at('jingxuanMore').map(feedItemAt), has_more: 0 });

// -- first-page data embedded in the HTML --------------------------------------------------------------------

const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
/** The page state's camelCase copy of API objects (JSON strings inside stay as they are). */
export function camelize(v) {
  if (Array.isArray(v)) return v.map(camelize);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), camelize(x)]));
}

/** The profile's RENDER_DATA state, decoded: posts at a numbered key, `["41"].post.data[]`. */
export const profileRenderState = () => ({
  app: { odin: { user_id: '0' }, env: 'prod' },
  41: { uid: PROFILE_AUTHOR.uid, user: { user: camelize({ sec_uid: PROFILE_SEC_UID, nickname: PROFILE_AUTHOR.nickname, follower_count: PROFILE_AUTHOR.follower_count }) }, post: { data: at('profileFirst').map((i) => camelize(profilePost(i))), hasMore: 1, maxCursor: 1 } },
});

/** The note page's streamed state: a `videoDetail` object in a `self.__pace_f` chunk. */
export const noteStreamState = () => ({ videoDetail: camelize(imagePost(at('note')[0])) });
export const notePageId = () => feedItemAt(at('note')[0]).aweme_id;
export const videoPageId = () => feedItemAt(at('video')[0]).aweme_id;

// -- ground truth ---------------------------------------------------------------------------------------------

/** Expected tags (TAG_ORDER) per item id for every surface; the rooms by their room id. */
export function surfaceExpected() {
  const out = new Map();
  const put = (id, tags, kind) => out.set(id, { id, tags: TAG_ORDER.filter((t) => tags.includes(t)), kind });
  const fromFeed = (i) => put(feedItemAt(i).aweme_id, expectedAt(i).tags, kindAt(i));
  for (const name of Object.keys(LAYOUT)) if (!name.startsWith('profile')) at(name).forEach(fromFeed);
  // Re-authored posts: the kind's own tags (the profile author is under the top-KOL line).
  for (const i of [...at('profileFirst'), ...at('profileMore')]) put(feedItemAt(i).aweme_id, KINDS[kindAt(i)].tags, kindAt(i));
  put(BRAND_ROOM.roomId, expectedRoomTags(BRAND_ROOM), 'live-brand');
  put(GAME_ROOM.roomId, expectedRoomTags(GAME_ROOM), 'live-game');
  return out;
}

/** Item ids in the order each surface shows them (for the tests). */
export const surfaceIds = {
  follow: () => followFeed().data.map((d) => d.aweme.aweme_id ?? JSON.parse(d.cell_room.rawdata).id_str),
  friends: () => at('friends').map((i) => feedItemAt(i).aweme_id),
  searchGeneral: () => generalSearch().data.flatMap((d) => (d.aweme_info ? [d.aweme_info.aweme_id] : d.aweme_mix_info ? d.aweme_mix_info.mix_items.map((m) => m.aweme_id) : [])),
  searchVideo: () => at('searchVideo').map((i) => feedItemAt(i).aweme_id),
  profileFirst: () => at('profileFirst').map((i) => feedItemAt(i).aweme_id),
  profileMore: () => at('profileMore').map((i) => feedItemAt(i).aweme_id),
  jingxuan: () => at('jingxuan').map((i) => feedItemAt(i).aweme_id),
  jingxuanMore: () => at('jingxuanMore').map((i) => feedItemAt(i).aweme_id),
};
