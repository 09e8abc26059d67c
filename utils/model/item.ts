/**
 * The one platform-neutral item model.
 *
 * A platform's extractor (utils/platforms/<site>/extract.ts) turns the site's own JSON into `FeedItem`s;
 * the classifier (utils/classify/) turns a `FeedItem` into tags. Every value that can set a tag is kept as a
 * `Fact`: the value together with the field path it was read from, so that each tag can show its evidence.
 * Field paths are written as read in the source, e.g. `raw_ad_data.label.text` or `rawAdData.labelText`.
 */
export type PlatformId = 'douyin' | 'tiktok';

/** Where a page belongs; platform-neutral names. */
export type Surface =
  | 'recommend'
  | 'jingxuan'
  | 'follow'
  | 'friends'
  | 'search'
  | 'profile'
  | 'video'
  | 'note'
  | 'live-room'
  | 'product-page'
  | 'other';

/** How an item reached us: the feed API, data embedded in the first HTML, or only the DOM. */
export type ItemSource = 'api' | 'page-data' | 'dom';

export interface Fact<T = string | number | boolean> {
  /** Field path as read in the source (`is_ads`, `raw_ad_data.web_url`, `author.follower_count`). */
  field: string;
  value: T;
}

export interface AuthorFacts {
  uid?: string;
  secUid?: string;
  nickname?: string;
  followerCount?: Fact<number>;
  /** Blue-V business verification text (`enterprise_verify_reason`). */
  businessVerify?: Fact<string>;
  /** `account_cert_info.is_biz_account` and similar. */
  bizAccount?: Fact<boolean>;
  /** A shop window (橱窗) on the profile: `card_entries[]` "进入橱窗", `with_commerce_entry`. */
  shopWindow?: Fact<boolean>;
  /** The author has a shop of their own (TikTok `ttSeller`, Douyin `with_fusion_shop_entry`). */
  seller?: Fact<boolean>;
  /** `is_ad_fake`: the account is an ad placeholder. */
  adFake?: Fact<boolean>;
  /** The author is live now (`room_id` with `live_status` 1, `roomId`). */
  liveNow?: Fact<boolean>;
}

export interface AdFacts {
  /** Each marker that says the item is paid: `is_ads`, non-empty `raw_ad_data`, `brand_ad.is_ad`, `preload_ads`, `isAd`. Empty = not an ad. */
  markers: Fact[];
  /** Where the ad leads (`raw_ad_data.web_url`, `open_url`). */
  destinations: Fact<string>[];
  downloadUrl?: Fact<string>;
  appName?: Fact<string>;
  /** The advertiser's name (`raw_ad_data.source`). */
  advertiser?: Fact<string>;
  /** `raw_ad_data.type`. */
  adType?: Fact<string>;
  /** A brand ad (`web_raw_data.brand_ad`). */
  brandAd?: Fact<boolean>;
  /**
   * Where each destination leads, decided by the platform's dated domain lists
   * (utils/platforms/<site>/ad-destinations.ts), so the platform-neutral classifier never names a site's domain.
   */
  destinationKinds?: AdDestinationKind[];
}

/** One ad destination matched against a platform's domain list. */
export interface AdDestinationKind {
  field: string;
  url: string;
  kind: 'closed-loop-product' | 'closed-loop-live' | 'external-commerce' | 'landing-page' | 'app-install' | 'platform-activity';
  /** The list entry that matched (`jd.com (2020-10)`), shown as evidence. */
  rule: string;
}

export interface ProductFacts {
  id: string;
  title?: string;
  /** Price in fen (1/100 yuan) as the API gives it; cents for other currencies. */
  priceFen?: number;
  shopId?: string;
  shopName?: string;
  url?: string;
  /** Affiliate commission (`cos_fee`, `cos_ratio`): marks 精选联盟 selling of another shop's goods. */
  commission?: Fact<number>;
  /** Field path of the product entry (`promotions[0]`). */
  field: string;
}

export interface PoiFacts {
  id?: string;
  name?: string;
  /** `poi_info.type_code`; 19xxxx are administrative areas (a city is a place, not a shop). */
  typeCode?: string;
  field: string;
  /** A group-buy / deal attached to the place (`poi_biz`, a deal anchor). */
  groupBuy?: Fact<boolean>;
}

export type AnchorKind = 'product' | 'poi' | 'mini-app' | 'search-keyword' | 'other';

export interface AnchorFacts {
  type: number | string;
  kind: AnchorKind;
  field: string;
  title?: string;
}

export interface LiveFacts {
  /** Room id as a string (from `id_str` / `*_str`: bare JSON numbers lose precision). */
  roomId?: string;
  /** live.douyin.com room number (`owner.web_rid`). */
  webRid?: string;
  title?: string;
  /** 2 = live now on Douyin and TikTok. */
  status?: number;
  userCount?: number;
  ownerNickname?: string;
  ownerId?: string;
  /** Facts that show the room sells (a cart with goods, `business_live`, products). */
  selling: Fact[];
  /** Facts that say it does not (empty cart, `contain_cart: false`): kept so a conflict is explainable. */
  notSelling: Fact[];
  /** The room belongs to a business account (blue V), for the Field role. */
  ownerBusiness?: Fact<string | boolean>;
}

export interface FeedItem {
  platform: PlatformId;
  /** The item's id as a string (`aweme_id`, `id`, a live room's id for a room). */
  id: string;
  format: 'video' | 'image' | 'live' | 'other';
  /** The platform's own type code (`aweme_type`), kept for diagnostics. */
  rawType?: number;
  source: ItemSource;
  /** Path of the endpoint the item came from (`/aweme/v1/web/tab/feed/`), when known. */
  endpoint?: string;
  /** Description, shortened; researchers see it in the dashboard. Never comment text. */
  desc?: string;
  createTime?: number;
  author: AuthorFacts;
  ad: AdFacts;
  products: ProductFacts[];
  poi?: PoiFacts;
  anchors: AnchorFacts[];
  live?: LiveFacts;
  /** Platform campaigns and activity tags (`activity_tag`, commerce challenges). */
  campaigns: Fact<string>[];
}

export function emptyItem(platform: PlatformId, id: string, source: ItemSource): FeedItem {
  return { platform, id, format: 'video', source, author: {}, ad: { markers: [], destinations: [] }, products: [], anchors: [], campaigns: [] };
}
