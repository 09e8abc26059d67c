/**
 * The TikTok replica's data: For You items shaped like the real `/api/recommend/item_list/` capture
 * (../shared/fixtures/real/tiktok-web-recommend-item-list-2022.json: camelCase, ids as strings, `authorStats`
 * beside `author`), made deterministically from a feed position, plus each item's expected overlay tags.
 * Nothing is copied from a capture. Plain Node ESM without dependencies.
 *
 * Kinds, and why they get their tags (docs/TAGS.md, "TikTok"):
 * - plain: nothing.                                  - partnership: `adAuthorization` + "Paid partnership"; NOT an ad.
 * - ad: `isAd: true`, nothing on the item says where it leads → ad (unknown).
 * - seller-product: a TikTok Shop seller's video with a product anchor → shop + field (the seller sells its own).
 * - creator-product: a 2.1M-follower creator's product anchor (affiliate, nothing names the shop) → shop + top-kol.
 * - ad-product: a seller's paid video with a product anchor → shop + ad (closed-loop-product) + field.
 * - live: a LIVE item (`liveRoomInfo`, status 2) by a non-seller → live.
 * - live-seller: a LIVE item by a TikTok Shop seller → shop (selling-live) + live + field.
 * - campaign: a commerce hashtag (`textExtra[].isCommerce`) → campaign.
 */

export const TIKTOK_TAG_ORDER = ['shop', 'ad', 'live', 'poi', 'field', 'alliance', 'campaign', 'top-kol'];
export const TIKTOK_KINDS = {
  plain: { tags: [] },
  ad: { tags: ['ad'], adKind: 'unknown' },
  'seller-product': { tags: ['shop', 'field'] },
  partnership: { tags: [] },
  live: { tags: ['live'] },
  'ad-product': { tags: ['shop', 'ad', 'field'], adKind: 'closed-loop-product' },
  campaign: { tags: ['campaign'] },
  'creator-product': { tags: ['shop', 'top-kol'] },
  'live-seller': { tags: ['shop', 'live', 'field'] },
};
/** The first page, in order; later positions repeat this cycle with new ids. */
export const TIKTOK_CYCLE = ['plain', 'ad', 'seller-product', 'partnership', 'live', 'ad-product', 'campaign', 'creator-product', 'live-seller', 'plain'];
export const TIKTOK_PAGE_COUNT = 8;
export const TIKTOK_DEFAULT_ITEMS = 60;

const ITEM_BASE = 7470000000000000000n;
const ROOM_BASE = 7470000000000500000n;
const PRODUCT_BASE = 1729000000000000000n;
const CREATED_S = 1767225600; // 2026-01-01T00:00:00Z, seconds

export const tiktokItemIdAt = (i) => (ITEM_BASE + BigInt(i) * 7919n).toString();
export const tiktokRoomIdAt = (i) => (ROOM_BASE + BigInt(i)).toString();
export const tiktokProductIdAt = (i) => (PRODUCT_BASE + BigInt(i) * 10n).toString();
export const tiktokKindAt = (i) => TIKTOK_CYCLE[i % TIKTOK_CYCLE.length];

const PEOPLE = {
  plain: ['river.walks', 'River Walks', 5200, false],
  ad: ['quote.app', 'QuoteApp', 21, false],
  'seller-product': ['silkhome.official', 'SilkHome Official', 84000, true],
  partnership: ['maya.daily', 'Maya', 310000, false],
  live: ['gamer.nova', 'Nova', 96000, false],
  'ad-product': ['airfry.store', 'AirFry Store', 12000, true],
  campaign: ['dance.lee', 'Lee', 45000, false],
  'creator-product': ['bella.finds', 'Bella Finds', 2100000, false],
  'live-seller': ['glowlab.shop', 'GlowLab Shop', 230000, true],
};
const TEXT = {
  plain: 'sunday walk by the river',
  ad: 'Quotes in one tap. Try it free',
  'seller-product': 'our mulberry silk pillowcase is back',
  partnership: 'morning routine with @glowlab #ad',
  live: 'late night ranked',
  'ad-product': '5L air fryer, crispy in 12 minutes',
  campaign: 'dance challenge #TikTokShopSummerSale',
  'creator-product': 'the only hair clip I wear now',
  'live-seller': 'GlowLab serum live deals',
};
const PRODUCTS = { 'seller-product': ['Mulberry Silk Pillowcase', 2999], 'ad-product': ['5L Air Fryer', 5999], 'creator-product': ['Claw Hair Clip (4 pack)', 1299] };

function authorAt(i, kind) {
  const [handle, nickname, , seller] = PEOPLE[kind];
  const uid = (6900000000000000000n + BigInt(i)).toString();
  const live = kind === 'live' || kind === 'live-seller';
  return { id: uid, uniqueId: handle, nickname, secUid: `MS4wLjABAAAA${uid}`, avatarThumb: '', signature: '', verified: kind === 'creator-product',
    privateAccount: false, secret: false, ftc: false, relation: 0, openFavorite: false, commentSetting: 0, duetSetting: 0, stitchSetting: 0,
    downloadSetting: 0, isADVirtual: false, roomId: live ? tiktokRoomIdAt(i) : '', ttSeller: seller };
}

function productAnchor(i, kind) {
  const [title] = PRODUCTS[kind];
  const id = tiktokProductIdAt(i);
  return { id: (ITEM_BASE + BigInt(i) * 7919n + 1n).toString(), type: 33, keyword: title, description: '', icon: { urlList: [] }, thumbnail: { urlList: [] },
    schema: `https://www.tiktok.com/view/product/${id}?region=US&source=anchor`, logExtra: JSON.stringify({ anchor_type: 'product', product_id: id }), extraInfo: { subtype: '' } };
}

/** The item at a feed position, as `/api/recommend/item_list/` sends it. */
export function tiktokItemAt(i) {
  const kind = tiktokKindAt(i);
  const id = tiktokItemIdAt(i);
  const author = authorAt(i, kind);
  const item = { id, desc: TEXT[kind], createTime: CREATED_S - i * 3600, author, isAd: kind === 'ad' || kind === 'ad-product',
    adAuthorization: kind === 'ad' || kind === 'ad-product' || kind === 'partnership', adLabelVersion: kind === 'partnership' ? 2 : kind.startsWith('ad') ? 1 : 0,
    authorStats: { followerCount: PEOPLE[kind][2], followingCount: 80, heart: 9000, heartCount: 9000, videoCount: 60, diggCount: 10 },
    stats: { diggCount: 1000 + i, shareCount: 12, commentCount: 30, playCount: 40000 + i * 17 }, challenges: [], textExtra: [],
    music: { id: '7400000000000000001', title: 'original sound', authorName: author.nickname, original: true },
    duetEnabled: true, stitchEnabled: true, shareEnabled: true, privateItem: false, secret: false, forFriend: false, digged: false, itemCommentStatus: 0, originalItem: false, officalItem: false };
  if (kind === 'live' || kind === 'live-seller') {
    item.liveRoomInfo = { roomID: tiktokRoomIdAt(i), status: 2, title: TEXT[kind], liveRoomStats: { userCount: 800 + i }, coverUrl: '', ownerInfo: { ...author } };
  } else {
    item.video = { id, duration: 15 + (i % 20), height: 1024, width: 576, ratio: '540p', cover: '' };
  }
  if (PRODUCTS[kind]) item.anchors = [productAnchor(i, kind)];
  if (kind === 'campaign') {
    const tag = { awemeId: '', start: 16, end: 37, hashtagId: '7470000000000000066', hashtagName: 'TikTokShopSummerSale', isCommerce: true, type: 1, subType: 0 };
    item.textExtra = [tag];
    item.challenges = [{ id: tag.hashtagId, title: tag.hashtagName, isCommerce: true, desc: '' }];
  }
  return item;
}

/** Expected overlay tags of the item at a position. */
export function tiktokExpectedAt(i) {
  const kind = tiktokKindAt(i);
  const def = TIKTOK_KINDS[kind];
  const out = { index: i, id: tiktokItemIdAt(i), kind, tags: TIKTOK_TAG_ORDER.filter((t) => def.tags.includes(t)), followers: PEOPLE[kind][2] };
  if (def.adKind) out.adKind = def.adKind;
  if (PRODUCTS[kind]) out.productIds = [tiktokProductIdAt(i)];
  if (kind === 'live' || kind === 'live-seller') out.roomId = tiktokRoomIdAt(i);
  return out;
}
export const tiktokExpectedFeed = (n = TIKTOK_CYCLE.length) => Array.from({ length: n }, (_, i) => tiktokExpectedAt(i));
export const tiktokFeed = tiktokExpectedFeed();

/** One `/api/recommend/item_list/` response: items [cursor, cursor + count) of a feed of `total`. */
export function tiktokFeedPage({ cursor = 0, count = TIKTOK_PAGE_COUNT, total = TIKTOK_DEFAULT_ITEMS } = {}) {
  const start = Math.max(0, Math.floor(cursor));
  const end = Math.min(total, start + Math.max(0, Math.floor(count)));
  const itemList = [];
  for (let i = start; i < end; i++) itemList.push(tiktokItemAt(i));
  const logid = `20260101000000TTDEMO${String(start).padStart(6, '0')}`;
  return { extra: { fatal_item_ids: [], logid, now: CREATED_S * 1000 }, hasMore: end < total, cursor: String(end), itemList, log_pb: { impr_id: logid }, statusCode: 0, status_code: 0 };
}

/** The product a product anchor opens, or null. */
export function tiktokProductById(productId) {
  if (!/^\d{19}$/.test(String(productId))) return null;
  const d = BigInt(productId) - PRODUCT_BASE;
  if (d < 0n || d % 10n !== 0n) return null;
  const i = Number(d / 10n);
  const kind = tiktokKindAt(i);
  if (!PRODUCTS[kind]) return null;
  const [title, priceCents] = PRODUCTS[kind];
  return { id: String(productId), title, priceCents, shop: PEOPLE[kind][1], fromItem: tiktokItemIdAt(i), index: i };
}
