/**
 * The demo's data: every feed item, live room and product of the local Douyin replica, made deterministically
 * from an item's position in the feed, plus the ground truth (expected overlay tags) for each item.
 *
 * Nothing here is copied from a real capture. The shapes imitate the real responses described in
 * ../shared/PLATFORMS.md (snake_case web API, JSON *strings* where the web API sends strings, ids as strings,
 * a few ids as bare numbers inside JSON strings where the real API does that, so a careless `JSON.parse` shows).
 *
 * Positions 0..11 are the hand-written first page (one of each kind the tags distinguish); positions 12 and on
 * are a seeded mix of the same kinds, so a feed of any length is the same on every run.
 *
 * Plain Node ESM without dependencies: used by demo/replica.mjs (the Playwright routes), by scripts/demo.mjs,
 * by the end-to-end tests and benchmarks, and by tests/unit/replica-*.test.ts.
 */

/** Tag ids in the order of utils/model/tags.ts TAG_IDS (kept in that order in the ground truth). */
export const TAG_ORDER = ['shop', 'ad', 'live', 'poi', 'field', 'alliance', 'campaign', 'top-kol'];

/** Followers at or above which a selling or advertising author counts as a top KOL (top-kol tag). */
export const TOP_KOL_MIN_FOLLOWERS = 1_000_000;

/** Items in the first page the replica serves (the hand-written items). */
export const FIRST_PAGE_COUNT = 12;

/** Items per later page (the real web client asks for 10). */
export const PAGE_COUNT = 10;

/** Default feed length when neither the test nor the page URL sets one. */
export const DEFAULT_FEED_ITEMS = 120;

/**
 * Each kind of item the replica makes, with the tags it must get (before top-kol, which depends on the author's
 * followers) and, for ads, the ad kind. See docs/TAGS.md for the tag definitions; the reasoning per kind:
 * - plain / image: nothing to tag (their authors always have < 1,000,000 followers).
 * - ad-landing: paid (`is_ads`, `raw_ad_data` 广告) leading to an Ocean Engine landing page → ad (landing-page).
 * - alliance: a creator's video with a product of another shop, with commission (cos_fee / cos_ratio) → shop + alliance.
 * - field: a brand's own blue-V account selling its own shop's product (promotion shop = the brand) → shop + field.
 * - live-selling: a live card (aweme_type 101) whose room has a cart with goods → shop + live.
 * - live-plain: a live card whose room sells nothing (`room_cart.contain_cart` false) → live only.
 * - poi-groupbuy: a restaurant anchor (anchor_info type 2) with a group-buy deal → shop (group-buy) + poi.
 * - poi-city: a city anchor (type_code 190104), no deal → poi only.
 * - ad-product: a Qianchuan ad by a brand's own account, with its own product, leading to jinritemai → shop + ad + field.
 * - ad-live: a paid live card whose room sells → shop + ad + live (closed-loop-live).
 * - ad-app: an app-install ad (download_url, app_name) → ad (app-install).
 */
export const KINDS = {
  plain: { tags: [] },
  image: { tags: [] },
  'ad-landing': { tags: ['ad'], adKind: 'landing-page' },
  alliance: { tags: ['shop', 'alliance'] },
  field: { tags: ['shop', 'field'] },
  'live-selling': { tags: ['shop', 'live'] },
  'live-plain': { tags: ['live'] },
  'poi-groupbuy': { tags: ['shop', 'poi'] },
  'poi-city': { tags: ['poi'] },
  'ad-product': { tags: ['shop', 'ad', 'field'], adKind: 'closed-loop-product' },
  'ad-live': { tags: ['shop', 'ad', 'live'], adKind: 'closed-loop-live' },
  'ad-app': { tags: ['ad'], adKind: 'app-install' },
};

/** The first page, in order (positions 0..11). */
export const FIRST_PAGE_KINDS = [
  'plain', // (1)
  'ad-landing', // (2)
  'alliance', // (3) 2.3M-follower creator → also top-kol
  'field', // (4)
  'live-selling', // (5)
  'poi-groupbuy', // (6)
  'ad-product', // (7)
  'ad-live', // (8)
  'plain', // (9)
  'poi-city', // (10)
  'ad-app', // (11)
  'image', // (12)
];

/** Weights of the seeded mix after the first page. */
const MIX = [
  ['plain', 40],
  ['image', 6],
  ['alliance', 10],
  ['field', 7],
  ['live-selling', 6],
  ['live-plain', 4],
  ['poi-groupbuy', 6],
  ['poi-city', 5],
  ['ad-landing', 5],
  ['ad-product', 5],
  ['ad-live', 3],
  ['ad-app', 3],
];
const MIX_TOTAL = MIX.reduce((s, [, w]) => s + w, 0);

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness and ids

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rngFor = (index, salt = 0) => mulberry32((index + 1) * 2654435761 + salt * 40503);
const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const between = (rng, lo, hi) => Math.floor(lo + rng() * (hi - lo + 1));

const AWEME_BASE = 7438201455602104471n;
const AWEME_STEP = 1931n;
const PRODUCT_BASE = 3690000000000000000n;
const WEB_RID_BASE = 700000000000;
const WEB_RID_STEP = 7;
const UID_BASE = 58000000000;

/** The item id (`aweme_id`, a 19-digit string) at a feed position. A live card's id is its room's id. */
export const awemeIdAt = (index) => (AWEME_BASE + BigInt(index) * AWEME_STEP).toString();
/** The feed position of an item id made here, or -1. */
export function indexOfAwemeId(id) {
  if (!/^\d{19}$/.test(String(id))) return -1;
  const d = BigInt(id) - AWEME_BASE;
  if (d < 0n || d % AWEME_STEP !== 0n) return -1;
  return Number(d / AWEME_STEP);
}
/** live.douyin.com room number of the live card at a position. */
export const webRidAt = (index) => String(WEB_RID_BASE + index * WEB_RID_STEP);
export function indexOfWebRid(webRid) {
  const n = Number(webRid);
  if (!Number.isSafeInteger(n) || n < WEB_RID_BASE || (n - WEB_RID_BASE) % WEB_RID_STEP !== 0) return -1;
  return (n - WEB_RID_BASE) / WEB_RID_STEP;
}
/** The k-th product (0..9) shown by the item at a position. */
export const productIdAt = (index, k = 0) => (PRODUCT_BASE + BigInt(index) * 10n + BigInt(k)).toString();
export function decodeProductId(id) {
  if (!/^\d{19}$/.test(String(id))) return null;
  const d = BigInt(id) - PRODUCT_BASE;
  if (d < 0n) return null;
  return { index: Number(d / 10n), k: Number(d % 10n) };
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function secUidFor(seed) {
  const rng = mulberry32(seed * 7919 + 17);
  let s = 'MS4wLjABAAAA';
  for (let i = 0; i < 43; i++) s += B64[Math.floor(rng() * 64)];
  return s;
}

/** Creation time of the item at a position: an hour apart, going back from a fixed day (epoch seconds). */
const createTimeAt = (index) => 1767225600 - index * 3607;

// ---------------------------------------------------------------------------------------------------------------
// Pools of made-up content

const CREATORS = [
  ['小鹿爱做饭', '美食'], ['阿澈去旅行', '旅行'], ['周末骑行社', '运动'], ['猫咪阿福', '萌宠'], ['老陈修车', '汽车'],
  ['林间读书会', '读书'], ['每日一个冷知识', '科普'], ['南城街拍', '摄影'], ['程序员小周', '科技'], ['二胡少年', '音乐'],
  ['山里的阿婆', '三农'], ['豆豆的日常', '生活'], ['健身教练Kiki', '健身'], ['手工木匠老王', '手工'], ['追光的云', '风景'],
];
const PLAIN_DESCS = [
  '今天的晚霞也太好看了吧 #日落 #治愈系',
  '一分钟学会这道家常菜，简单又下饭 #家常菜 #美食教程',
  '周末骑行50公里打卡湖边 #骑行 #户外',
  '猫：你在拍什么？ #萌宠 #猫咪日常',
  '老车保养的三个小技巧，记得收藏 #汽车知识',
  '读完这本书我想了很久 #读书分享',
  '为什么天空是蓝色的？ #冷知识 #科普',
  '雨后的老街，很有味道 #街拍 #城市记忆',
  '写了三年代码总结的五条经验 #程序员',
  '一曲《赛马》送给大家 #二胡 #民乐',
  '山里的春天来了 #乡村生活',
  '打工人的一天 #vlog #日常',
];
const ALLIANCE_CREATORS = [
  ['Lisa的好物分享', '美妆博主'], ['居家收纳大师阿May', '家居博主'], ['潮男穿搭日记', '穿搭博主'],
  ['宝妈小雨', '母婴博主'], ['数码老炮', '数码博主'],
];
/** Brands: each has its own blue-V account and its own shop (the Field role). */
const BRANDS = [
  { brand: '青禾茶饮', shopId: '20481357', goods: ['青禾茉莉绿茶 500ml×15瓶', '青禾冷泡乌龙茶包 30袋'], price: [4590, 3990] },
  { brand: '山野户外', shopId: '31740268', goods: ['山野户外 冲锋衣 男女三合一', '山野户外 轻量徒步鞋'], price: [39900, 29900] },
  { brand: '云朵家纺', shopId: '18823094', goods: ['云朵家纺 A类纯棉四件套', '云朵家纺 大豆纤维被'], price: [19900, 25900] },
  { brand: '柚见美妆', shopId: '27715530', goods: ['柚见 水光精华 30ml', '柚见 氨基酸洁面乳'], price: [12900, 5990] },
  { brand: '小熊厨电', shopId: '40952871', goods: ['小熊厨电 空气炸锅 5L', '小熊厨电 多功能料理锅'], price: [26900, 19900] },
  { brand: '森林坚果', shopId: '35160049', goods: ['森林坚果 每日坚果 30包', '森林坚果 碧根果 500g'], price: [8990, 4990] },
];
const LIVE_HOSTS = ['果园小妹阿琳', '老杨卖茶叶', '琳琳服饰直播间', '东北大米王哥', '珠宝鉴定师小马'];
const LIVE_TITLES = ['现摘现发，产地直送', '新茶上市 福利价', '秋冬新款 1元秒杀', '五常大米 源头好货', '天然翡翠 一物一证'];
const PLAIN_LIVE = [['夜跑电台', '陪你夜跑，聊聊天'], ['吉他弹唱小安', '点歌吧'], ['峡谷打野王', '冲分中，上王者']];
const RESTAURANTS = [
  { name: '蜀香小馆(春熙路店)', typeCode: '050100', city: '成都市', deal: '双人招牌套餐', price: 9900 },
  { name: '一碗面馆(万象城店)', typeCode: '050100', city: '杭州市', deal: '招牌牛肉面单人餐', price: 2990 },
  { name: '甜心烘焙(正佳广场店)', typeCode: '050300', city: '广州市', deal: '6寸蛋糕代金券', price: 8800 },
  { name: '老北京涮肉(鼓楼店)', typeCode: '050100', city: '北京市', deal: '3-4人涮肉套餐', price: 25800 },
];
const CITIES = [
  ['大理市', '532901'], ['西安市', '610100'], ['厦门市', '350200'], ['重庆市', '500000'], ['桂林市', '450300'],
];
const LANDING_ADS = [
  { source: '智学英语', title: '零基础30天开口说英语，限时0元体验课', button: '查看详情' },
  { source: '安居装修', title: '装修报价免费算，输入面积3秒出结果', button: '立即获取' },
  { source: '轻简健身', title: '私教体验课仅需9.9元，附近门店可约', button: '查看详情' },
];
const APPS = [
  { app: '番茄阅读', pkg: 'com.demo.fanqieread', title: '海量小说免费看，新用户再领现金' },
  { app: '快步运动', pkg: 'com.demo.kuaibu', title: '走路也能赚零花，下载立得红包' },
  { app: '星球消消乐', pkg: 'com.demo.xiaoxiaole', title: '上手就停不下来的消除游戏' },
];

// ---------------------------------------------------------------------------------------------------------------
// Builders

const img = (uri) => ({
  uri,
  url_list: [`https://p3-pc.douyinpic.com/aweme/100x100/${uri}.jpeg`, `https://p9-pc.douyinpic.com/aweme/100x100/${uri}.jpeg`],
  width: 720,
  height: 720,
});

/** An author object shaped like the web API's. */
function makeAuthor(seed, nickname, followers, opts = {}) {
  const uid = String(UID_BASE + seed * 131);
  return {
    uid,
    sec_uid: secUidFor(seed),
    short_id: String(10000000 + seed * 37),
    unique_id: '',
    nickname,
    signature: opts.signature ?? '',
    avatar_thumb: img(`aweme-avatar/tos-cn-i-0813_demo${seed}`),
    follower_count: followers,
    following_count: 120 + (seed % 300),
    total_favorited: followers * 9,
    aweme_count: 40 + (seed % 500),
    enterprise_verify_reason: opts.enterprise ?? '',
    custom_verify: opts.customVerify ?? '',
    verification_type: opts.enterprise ? 1 : 0,
    account_cert_info: opts.cert ? JSON.stringify(opts.cert) : '',
    card_entries: opts.shopWindow
      ? [
          {
            type: 1,
            title: '进入橱窗',
            sub_title: '精选好物',
            goto_url: `aweme://user/commerce/window?sec_uid=${secUidFor(seed)}`,
            card_data: JSON.stringify({ store_type: 'window', product_count: 36 + (seed % 40) }),
          },
        ]
      : null,
    with_commerce_entry: Boolean(opts.shopWindow || opts.shop),
    with_fusion_shop_entry: Boolean(opts.shop),
    commerce_user_info: opts.adsEntry ? { has_ads_entry: true } : null,
    is_ad_fake: Boolean(opts.adFake),
    is_verified: Boolean(opts.enterprise),
    live_status: opts.liveRoomId ? 1 : 0,
    // The real API sends this as a bare number, which JSON.parse rounds: read ids from `id_str` fields instead.
    room_id: 0,
    room_id_str: opts.liveRoomId ?? '',
    prevent_download: false,
    region: 'CN',
  };
}

/** The keys every item carries; most commerce keys exist and are empty, as on the real web API. */
function baseItem(index, { awemeType = 0, desc, author, durationMs = 15000 + (index % 7) * 9000 }) {
  const id = awemeIdAt(index);
  const rng = rngFor(index, 9);
  const digg = between(rng, 80, 90000);
  return {
    aweme_id: id,
    group_id: id,
    aweme_type: awemeType,
    desc,
    caption: desc,
    preview_title: desc,
    create_time: createTimeAt(index),
    author,
    author_user_id: Number(author.uid),
    statistics: {
      aweme_id: id,
      digg_count: digg,
      comment_count: Math.floor(digg / 12),
      collect_count: Math.floor(digg / 7),
      share_count: Math.floor(digg / 20),
      play_count: 0,
      admire_count: 0,
    },
    video: {
      play_addr: { uri: `v0d00fg10000demo${index}`, url_list: [], width: 1080, height: 1920 },
      cover: img(`tos-cn-p-0015/demo-cover-${index}`),
      duration: awemeType === 68 ? 0 : durationMs,
      width: 1080,
      height: 1920,
      ratio: '1080p',
      format: 'mp4',
    },
    music: { id_str: String(7000000000000000000n + BigInt(index)), title: `@${author.nickname}创作的原声`, author: author.nickname },
    text_extra: [],
    video_tag: [],
    is_ads: false,
    raw_ad_data: null,
    ad_aweme_source: null,
    link_ad_data: null,
    insertion_ad_config: null,
    promotions: [],
    simple_promotions: null,
    anchor_info: null,
    anchor_list: null,
    common_anchor: null,
    has_ecom_goods_card: null,
    ecom_video_info: null,
    video_ecom_product_info: null,
    item_product_related_info: null,
    commerce_info: { ad_auth_status: null, ad_auth_target_type: null, avoid_global_pendant: null, with_comment_filter_words: null },
    entertainment_product_info: null,
    poi_info: null,
    poi_biz: { dou_discount_info: null, show_poi_collect_button: null, show_want_to_go_button: null, tag_rate_info: null },
    is_life_item: false,
    life_anchor_show_extra: null,
    nearby_video_attribute: { has_spu_service: 0, is_local_life_ext_video: 0, is_local_life_video: 0 },
    cell_room: null,
    images: null,
    status: { allow_comment: true, allow_share: true, is_delete: false, is_prohibited: false, private_status: 0 },
    share_url: `https://www.iesdouyin.com/share/video/${id}/`,
    region: 'CN',
    component_control: { data_source_url: '/aweme/v1/web/tab/feed/' },
  };
}

/** One product as the web API lists it in `promotions[]` (price in fen). */
function promotion(index, k, { title, price, shopId, shopName, cosRatio = 0, cosFee = 0 }) {
  const pid = productIdAt(index, k);
  return {
    product_id: pid,
    promotion_id: pid,
    title,
    elastic_title: title,
    price,
    min_price: price,
    max_price: price,
    shop_id: shopId,
    shop_name: shopName,
    cos_fee: cosFee,
    cos_ratio: cosRatio,
    in_stock: true,
    sales: 1000 + ((index * 37 + k * 11) % 9000),
    detail_url: productUrl(pid),
    elastic_img: [img(`temai/demo-product-${pid}`)],
    platform_label: '小店',
  };
}

/** The raw_ad_data JSON string. `group_id` is written as a bare number, as the real API does. */
function rawAdData(index, fields) {
  const obj = {
    ad_id: 1680398700000000 + index * 101,
    creative_id: 1680399400000000 + index * 103,
    group_id: '__GROUP_ID__',
    label: { text: '广告', type: 4, color: '#14FFFFFF', color_text: '#7FFFFFFF' },
    button_text: '查看详情',
    button_style: 1,
    is_preview: false,
    log_extra: JSON.stringify({ rit: 40001, req_id: `demo${index}`, convert_id: 0 }),
    ...fields,
  };
  return JSON.stringify(obj).replace('"__GROUP_ID__"', awemeIdAt(index));
}
const webRawData = (index) =>
  JSON.stringify({ brand_ad: JSON.stringify({ is_ad: 1, ad_id: 1680398700000000 + index * 101 }) });

/** A live card's room (the `cell_room.rawdata` JSON string holds this). Bare-number ids as in the real API. */
function roomFor(index, { owner, title, userCount, selling, business = false }) {
  const roomId = awemeIdAt(index);
  const room = {
    id: '__ROOM_ID__',
    id_str: roomId,
    status: 2,
    status_str: '2',
    title,
    user_count: userCount,
    owner_user_id: '__OWNER_ID__',
    owner_user_id_str: owner.uid,
    cover: img(`webcast-cover/demo-room-${index}`),
    stats: { total_user_str: String(userCount * 14), user_count_str: String(userCount) },
    owner: {
      id: '__OWNER_ID__',
      id_str: owner.uid,
      sec_uid: owner.sec_uid,
      nickname: owner.nickname,
      web_rid: webRidAt(index),
      avatar_thumb: owner.avatar_thumb,
      follow_info: { follow_status: 0, follow_status_str: '0', follower_count: owner.follower_count },
      with_commerce_permission: selling,
      enterprise_verify_reason: owner.enterprise_verify_reason,
    },
    has_commerce_goods: selling,
    business_live: selling ? 1 : 0,
    room_cart: selling
      ? { contain_cart: true, total: 2, flash_total: 0, cart_icon: '', show_cart: 1 }
      : { contain_cart: false, total: 0, flash_total: 0, cart_icon: '', show_cart: 0 },
    ecom_data: selling ? { reds_show_infos: [], instant_type: 0, intro_type: 1, shop_author_header: '' } : { reds_show_infos: [], instant_type: 0, intro_type: 0 },
    scene_type_info: { is_life: false, is_lasted_goods_room: selling ? 1 : 2, is_desire_room: 2, is_union_live_room: false },
    room_auth: { Chat: true, Gift: true, Digg: true, CommerceCard: selling ? 1 : 0 },
    business: Boolean(business),
  };
  delete room.business;
  return room;
}
const roomJson = (room, owner) =>
  JSON.stringify(room).replace('"__ROOM_ID__"', room.id_str).replaceAll('"__OWNER_ID__"', owner.uid);

/** Products on sale in a selling room: two of them (the first is the one being explained). */
const HOST_BRAND = { 果园小妹阿琳: 5, 老杨卖茶叶: 0, 琳琳服饰直播间: 1, 东北大米王哥: 5, 珠宝鉴定师小马: 3 };
function roomGoods(index, hostNickname) {
  const b = BRANDS[HOST_BRAND[hostNickname] ?? index % BRANDS.length];
  return b.goods.map((title, k) => promotion(index, k, { title, price: b.price[k], shopId: b.shopId, shopName: `${b.brand}官方旗舰店` }));
}

// ---------------------------------------------------------------------------------------------------------------
// Items by kind

function build(kind, index) {
  const rng = rngFor(index, 1);
  const seed = index + 1;
  switch (kind) {
    case 'plain':
    case 'image': {
      const [nick, field] = index === 0 ? CREATORS[0] : index === 8 ? CREATORS[6] : pick(rng, CREATORS);
      const followers = between(rng, 800, 860_000); // always below TOP_KOL_MIN_FOLLOWERS
      const author = makeAuthor(seed, nick, followers, index % 3 === 0 ? { cert: { label_style: 3, label_text: `${field}自媒体` } } : {});
      const desc = index === 0 ? PLAIN_DESCS[0] : index === 8 ? PLAIN_DESCS[6] : pick(rng, PLAIN_DESCS);
      const item = baseItem(index, { awemeType: kind === 'image' ? 68 : 0, desc: kind === 'image' ? `图文｜${desc}` : desc, author });
      if (kind === 'image') {
        item.images = [1, 2, 3].map((n) => ({ uri: `tos-cn-i-0813/demo-image-${index}-${n}`, url_list: [], width: 1080, height: 1440 }));
      }
      return item;
    }
    case 'ad-landing': {
      const ad = index === 1 ? LANDING_ADS[0] : pick(rng, LANDING_ADS);
      const author = makeAuthor(seed, ad.source, between(rng, 2000, 90_000), { adFake: true, adsEntry: true });
      const item = baseItem(index, { desc: `${ad.title} #${ad.source}`, author });
      item.is_ads = true;
      item.raw_ad_data = rawAdData(index, {
        type: 'web',
        source: ad.source,
        title: ad.title,
        web_title: ad.title,
        button_text: ad.button,
        web_url: `https://www.chengzijianzhan.com/tetris/page/${7100000000000000000n + BigInt(index)}/`,
        open_url: '',
      });
      item.web_raw_data = webRawData(index);
      return item;
    }
    case 'alliance': {
      const [nick, label] = index === 2 ? ALLIANCE_CREATORS[0] : pick(rng, ALLIANCE_CREATORS);
      const followers = index === 2 ? 2_314_000 : rng() < 0.3 ? between(rng, 1_000_000, 5_000_000) : between(rng, 20_000, 900_000);
      const author = makeAuthor(seed, nick, followers, { cert: { label_style: 3, label_text: label }, shopWindow: true });
      const b = index === 2 ? BRANDS[3] : pick(rng, BRANDS);
      const k = index % 2;
      const item = baseItem(index, { desc: `亲测好用！${b.goods[k]} 链接在下方 #好物推荐 #${label}`, author });
      item.promotions = [
        promotion(index, 0, {
          title: b.goods[k],
          price: b.price[k],
          shopId: b.shopId,
          shopName: `${b.brand}官方旗舰店`,
          cosRatio: 20,
          cosFee: Math.round(b.price[k] * 0.2),
        }),
      ];
      return item;
    }
    case 'field': {
      const b = index === 3 ? BRANDS[0] : pick(rng, BRANDS);
      const followers = index === 3 ? 486_000 : rng() < 0.2 ? between(rng, 1_000_000, 3_000_000) : between(rng, 50_000, 900_000);
      const author = makeAuthor(seed, `${b.brand}官方旗舰店`, followers, {
        enterprise: `${b.brand}官方旗舰店`,
        cert: { is_biz_account: 1 },
        shop: true,
        shopWindow: true,
      });
      const k = index % 2;
      const item = baseItem(index, { desc: `${b.goods[k]}，官方旗舰店直发 #${b.brand}`, author });
      item.promotions = [promotion(index, 0, { title: b.goods[k], price: b.price[k], shopId: b.shopId, shopName: `${b.brand}官方旗舰店` })];
      return item;
    }
    case 'live-selling':
    case 'live-plain':
    case 'ad-live': {
      const selling = kind !== 'live-plain';
      let nick;
      let title;
      if (selling) {
        const h = index === 4 ? 0 : index === 7 ? 2 : Math.floor(rng() * LIVE_HOSTS.length);
        nick = LIVE_HOSTS[h];
        title = LIVE_TITLES[h];
      } else {
        [nick, title] = pick(rng, PLAIN_LIVE);
      }
      const followers = index === 4 ? 412_000 : index === 7 ? 96_000 : kind === 'live-selling' && rng() < 0.2 ? between(rng, 1_000_000, 4_000_000) : between(rng, 3_000, 700_000);
      const author = makeAuthor(seed, nick, followers, { liveRoomId: awemeIdAt(index), shopWindow: selling });
      const userCount = between(rng, 120, 24_000);
      const room = roomFor(index, { owner: author, title, userCount, selling });
      const item = baseItem(index, { awemeType: 101, desc: title, author });
      item.video = null;
      item.cell_room = { rawdata: roomJson(room, author) };
      if (kind === 'ad-live') {
        item.is_ads = true;
        item.raw_ad_data = rawAdData(index, {
          type: 'live',
          source: nick,
          title,
          button_text: '进入直播间',
          web_url: '',
          open_url: `snssdk1128://live?room_id=${room.id_str}`,
          live_room: { room_id_str: room.id_str, web_rid: webRidAt(index) },
        });
        item.web_raw_data = webRawData(index);
      }
      return item;
    }
    case 'poi-groupbuy': {
      const r = index === 5 ? RESTAURANTS[0] : pick(rng, RESTAURANTS);
      const author = makeAuthor(seed, index === 5 ? '吃货阿杰探店' : pick(rng, ['吃货阿杰探店', '城市美食地图', '周末去哪吃']), between(rng, 30_000, 600_000));
      const poiId = String(6601141700000000000n + BigInt(index) * 17n);
      const dealId = productIdAt(index, 0);
      const item = baseItem(index, { desc: `${r.name} 人均不到一百吃到撑！团购套餐点左下角 #探店 #美食`, author });
      const extra = {
        poi_id: poiId,
        poi_name: r.name,
        type_code: r.typeCode,
        is_groupon: true,
        groupon: { product_id: dealId, title: r.deal, price: r.price, origin_price: Math.round(r.price * 1.6), sold_count: 3200 + index },
      };
      item.anchor_info = { type: 2, id: poiId, title: r.name, content: '{}', extra: JSON.stringify(extra), icon: null, style_info: null };
      item.poi_info = {
        poi_id: poiId,
        poi_name: r.name,
        type_code: r.typeCode,
        poi_backend_type: { code: r.typeCode, name: '美食' },
        address_info: { city: r.city, simple_addr: `${r.city}${r.name.replace(/\(.*\)/, '')}` },
        voucher_release_areas: null,
        item_count: 800 + index,
      };
      item.is_life_item = true;
      item.life_anchor_show_extra = JSON.stringify({ anchor_type: 'groupon', product_id: dealId, title: r.deal, price: r.price });
      item.nearby_video_attribute = {
        has_spu_service: 1,
        is_local_life_ext_video: 0,
        is_local_life_video: 1,
        snackbar: JSON.stringify({ text: r.deal, groupon_text: '团购', enable: true }),
      };
      return item;
    }
    case 'poi-city': {
      const [city, code] = index === 9 ? CITIES[0] : pick(rng, CITIES);
      const author = makeAuthor(seed, pick(rng, ['追光的云', '阿澈去旅行', '背包走天下']), between(rng, 5_000, 300_000));
      const poiId = String(6601141800000000000n + BigInt(index) * 19n);
      const item = baseItem(index, { desc: `${city}的慢生活，一定要来一次 #旅行 #${city}`, author });
      item.anchor_info = {
        type: 2,
        id: poiId,
        title: city,
        content: '{}',
        extra: JSON.stringify({ poi_id: poiId, poi_name: city, type_code: '190104', city_code: code }),
      };
      item.poi_info = { poi_id: poiId, poi_name: city, type_code: '190104', address_info: { city, city_code: code, simple_addr: city } };
      return item;
    }
    case 'ad-product': {
      const b = index === 6 ? BRANDS[1] : pick(rng, BRANDS);
      const author = makeAuthor(seed, `${b.brand}官方旗舰店`, index === 6 ? 173_000 : between(rng, 20_000, 800_000), {
        enterprise: `${b.brand}官方旗舰店`,
        cert: { is_biz_account: 1 },
        shop: true,
        adsEntry: true,
      });
      const k = 0;
      const item = baseItem(index, { desc: `${b.goods[k]} 限时直降，今天下单送运费险`, author });
      item.is_ads = true;
      item.promotions = [promotion(index, 0, { title: b.goods[k], price: b.price[k], shopId: b.shopId, shopName: `${b.brand}官方旗舰店` })];
      item.raw_ad_data = rawAdData(index, {
        type: 'web',
        source: `${b.brand}官方旗舰店`,
        title: b.goods[k],
        button_text: '去购买',
        web_url: productUrl(productIdAt(index, 0)),
        web_title: b.goods[k],
      });
      item.web_raw_data = webRawData(index);
      return item;
    }
    case 'ad-app': {
      const a = index === 10 ? APPS[0] : pick(rng, APPS);
      const author = makeAuthor(seed, a.app, between(rng, 2_000, 200_000), { adFake: true, adsEntry: true });
      const item = baseItem(index, { desc: `${a.title} #${a.app}`, author });
      item.is_ads = true;
      item.raw_ad_data = rawAdData(index, {
        type: 'app',
        source: a.app,
        app_name: a.app,
        package: a.pkg,
        title: a.title,
        button_text: '立即下载',
        download_url: `https://lf3-apk.ugapk.cn/package/apk/demo/${a.pkg}_${index}.apk`,
        web_url: `https://www.chengzijianzhan.com/tetris/page/${7200000000000000000n + BigInt(index)}/`,
      });
      item.web_raw_data = webRawData(index);
      return item;
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** The kind of the item at a feed position. */
export function kindAt(index) {
  if (index < FIRST_PAGE_COUNT) return FIRST_PAGE_KINDS[index];
  let r = rngFor(index, 3)() * MIX_TOTAL;
  for (const [kind, w] of MIX) {
    if ((r -= w) < 0) return kind;
  }
  return 'plain';
}

/** The item (web API shape) at a feed position. */
export function feedItemAt(index) {
  return build(kindAt(index), index);
}

/** Follower count of the author of the item at a position. */
const followersOf = (item) => item.author.follower_count;

/** What the overlay must show for the item at a position: tags in TAG_ORDER, ad kind, and why. */
export function expectedAt(index) {
  const kind = kindAt(index);
  const item = feedItemAt(index);
  const def = KINDS[kind];
  const tags = new Set(def.tags);
  const sellsOrAd = tags.has('shop') || tags.has('ad');
  if (sellsOrAd && followersOf(item) >= TOP_KOL_MIN_FOLLOWERS) tags.add('top-kol');
  const out = {
    index,
    id: item.aweme_id,
    kind,
    tags: TAG_ORDER.filter((t) => tags.has(t)),
    followers: followersOf(item),
  };
  if (def.adKind) out.adKind = def.adKind;
  if (item.cell_room) out.webRid = webRidAt(index);
  if (item.promotions.length) {
    out.productIds = item.promotions.map((p) => p.product_id);
    out.shopIds = [...new Set(item.promotions.map((p) => p.shop_id))];
  }
  return out;
}

/** Ground truth for the first `n` items of the feed. */
export function expectedFeed(n = FIRST_PAGE_COUNT) {
  return Array.from({ length: n }, (_, i) => expectedAt(i));
}

/** Ground truth for the default demo feed's first page (the 12 hand-written items). */
export const demoFeed = expectedFeed(FIRST_PAGE_COUNT);

/**
 * One response of `/aweme/v1/web/tab/feed/`: items [cursor, cursor + count) of a feed of `total` items.
 * `max_cursor` is the next cursor (the replica pages by position).
 */
export function feedPage({ cursor = 0, count = PAGE_COUNT, total = DEFAULT_FEED_ITEMS } = {}) {
  const start = Math.max(0, Math.floor(cursor));
  const end = Math.min(total, start + Math.max(0, Math.floor(count)));
  const aweme_list = [];
  for (let i = start; i < end; i++) aweme_list.push(feedItemAt(i));
  return {
    status_code: 0,
    status_msg: '',
    aweme_list,
    has_more: end < total ? 1 : 0,
    max_cursor: end,
    min_cursor: start,
    preload_ads: [],
    preload_awemes: null,
    refresh_clear: 0,
    home_model: 0,
    log_pb: { impr_id: `20260101000000DEMO${String(start).padStart(6, '0')}` },
    extra: { now: createTimeAt(0) * 1000, fatal_item_ids: [] },
  };
}

/** The live room behind a live.douyin.com room number, or null. */
export function roomByWebRid(webRid) {
  const index = indexOfWebRid(webRid);
  if (index < 0) return null;
  const item = feedItemAt(index);
  if (!item.cell_room) return null;
  return { index, item, kind: kindAt(index), room: JSON.parse(item.cell_room.rawdata), goods: roomGoods(index, item.author.nickname) };
}

/**
 * `/webcast/room/web/enter/?web_rid=…` for a room, shaped like the real 2026 response
 * (`{data: {data: [room], enter_room_id, user, …}, extra: {now}, status_code: 0}`). Unknown rooms come back ended.
 */
export function roomEnterResponse(webRid) {
  const found = roomByWebRid(webRid);
  const now = createTimeAt(0) * 1000;
  if (!found) {
    return { data: { data: [], enter_room_id: '', room_status: 2, prompts: '直播已结束' }, extra: { now }, status_code: 0 };
  }
  const { room, item } = found;
  const owner = item.author;
  const selling = room.has_commerce_goods;
  const data = {
    id_str: room.id_str,
    status: 2,
    status_str: '2',
    title: room.title,
    user_count_str: String(room.user_count),
    cover: room.cover,
    stream_url: { flv_pull_url: {}, default_resolution: 'HD1', hls_pull_url: '', stream_orientation: 1 },
    mosaic_status: 0,
    mosaic_status_str: '0',
    owner: {
      id_str: owner.uid,
      sec_uid: owner.sec_uid,
      nickname: owner.nickname,
      avatar_thumb: owner.avatar_thumb,
      follow_info: { follow_status: 0, follow_status_str: '0' },
      foreign_user: 0,
      open_id_str: '',
    },
    room_auth: { Chat: true, Danmaku: false, Gift: true, Digg: true, POI: true, CommerceCard: selling ? 1 : 0 },
    live_room_mode: 1,
    stats: { total_user_desp: '', like_count: 0, total_user_str: room.stats.total_user_str, user_count_str: room.stats.user_count_str },
    has_commerce_goods: selling,
    linker_map: {},
    room_view_stats: {
      is_hidden: false,
      display_short: String(room.user_count),
      display_middle: String(room.user_count),
      display_long: `${room.user_count}在线观众`,
      display_value: room.user_count,
    },
    scene_type_info: room.scene_type_info,
    ecom_data: room.ecom_data,
    room_cart: room.room_cart,
    like_count: 300 + found.index,
    owner_user_id_str: '',
    paid_live_data: { paid_type: 0, view_right: 0, duration: 0 },
    // A paid (ad) card's room carries the same commerce; the ad is the card, not the room.
  };
  return {
    data: {
      data: [data],
      enter_room_id: room.id_str,
      extra: { digg_color: '0', pay_scores: '0', is_official_channel: false, signature: '', vr_type: 0 },
      user: { id_str: '', sec_uid: '', nickname: '', avatar_thumb: { url_list: [] } },
      qrcode_url: '',
      enter_mode: 0,
      room_status: 0,
      partition_road_map: {},
      similar_rooms: [],
      web_stream_url: { flv_pull_url: {}, default_resolution: '', hls_pull_url_map: {}, hls_pull_url: '' },
      login_lead: { is_login: false, level: 0, items: {} },
    },
    extra: { now },
    status_code: 0,
  };
}

/** `/live/promotions/page/?room_id=…`: the products of a selling room (shape of the real product list). */
export function roomPromotionsResponse(roomIdStr) {
  const index = indexOfAwemeId(roomIdStr);
  const found = index >= 0 ? roomByWebRid(webRidAt(index)) : null;
  const promotions = found && found.room.has_commerce_goods ? found.goods : [];
  return {
    status_code: 0,
    status_msg: '',
    current_promotion_id: promotions[0]?.promotion_id ?? '',
    total: promotions.length,
    flash_total: 0,
    has_more: false,
    show_cart: promotions.length ? 1 : 0,
    promotions,
  };
}

/** The product page URL on haohuo.jinritemai.com. */
export function productUrl(productId) {
  return `https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=${productId}&origin_type=604`;
}

/** A product made here (by id), with the shop selling it, or null. */
export function productById(productId) {
  const d = decodeProductId(productId);
  if (!d) return null;
  const index = d.index;
  if (index < 0) return null;
  const item = feedItemAt(index);
  let list = item.promotions;
  if (item.cell_room) list = roomGoods(index, item.author.nickname);
  if (kindAt(index) === 'poi-groupbuy') {
    const extra = JSON.parse(item.anchor_info.extra);
    list = [
      promotion(index, 0, {
        title: `${extra.poi_name} ${extra.groupon.title}`,
        price: extra.groupon.price,
        shopId: extra.poi_id.slice(-8),
        shopName: extra.poi_name,
      }),
    ];
  }
  const p = list.find((x) => x.product_id === String(productId));
  return p ? { ...p, fromItem: item.aweme_id, index } : null;
}

// TikTok: the For You replica's items and expected tags live in demo/tiktok/data.mjs (additive re-export).
export { tiktokFeed, tiktokExpectedAt, tiktokExpectedFeed, tiktokFeedPage, tiktokItemAt, tiktokProductById } from './tiktok/data.mjs';
