// Types for demo/data.mjs (plain JS so the replica needs no build step).
export type DemoTag = 'shop' | 'ad' | 'live' | 'poi' | 'field' | 'alliance' | 'campaign' | 'top-kol';
export type DemoKind =
  | 'plain' | 'image' | 'ad-landing' | 'alliance' | 'field' | 'live-selling' | 'live-plain'
  | 'poi-groupbuy' | 'poi-city' | 'ad-product' | 'ad-live' | 'ad-app';
export interface DemoExpected {
  index: number;
  id: string;
  kind: DemoKind;
  tags: DemoTag[];
  followers: number;
  adKind?: 'closed-loop-product' | 'closed-loop-live' | 'landing-page' | 'app-install';
  webRid?: string;
  productIds?: string[];
  shopIds?: string[];
}
/** An item in the web API's shape (snake_case); see demo/data.mjs. */
export type DemoAweme = Record<string, any> & { aweme_id: string; aweme_type: number; author: Record<string, any> };
export const TAG_ORDER: DemoTag[];
export const TOP_KOL_MIN_FOLLOWERS: number;
export const FIRST_PAGE_COUNT: number;
export const PAGE_COUNT: number;
export const DEFAULT_FEED_ITEMS: number;
export const KINDS: Record<DemoKind, { tags: DemoTag[]; adKind?: string }>;
export const FIRST_PAGE_KINDS: DemoKind[];
export function awemeIdAt(index: number): string;
export function indexOfAwemeId(id: string): number;
export function webRidAt(index: number): string;
export function indexOfWebRid(webRid: string): number;
export function productIdAt(index: number, k?: number): string;
export function decodeProductId(id: string): { index: number; k: number } | null;
export function kindAt(index: number): DemoKind;
export function feedItemAt(index: number): DemoAweme;
export function expectedAt(index: number): DemoExpected;
export function expectedFeed(n?: number): DemoExpected[];
export const demoFeed: DemoExpected[];
export function feedPage(o?: { cursor?: number; count?: number; total?: number }): {
  status_code: number; aweme_list: DemoAweme[]; has_more: number; max_cursor: number; min_cursor: number; [k: string]: unknown;
};
export function roomByWebRid(webRid: string): { index: number; item: DemoAweme; kind: DemoKind; room: Record<string, any>; goods: Record<string, any>[] } | null;
export function roomEnterResponse(webRid: string): { data: { data: Record<string, any>[]; [k: string]: unknown }; extra: { now: number }; status_code: number };
export function roomPromotionsResponse(roomIdStr: string): { total: number; promotions: Record<string, any>[]; [k: string]: unknown };
export function productUrl(productId: string): string;
export function productById(productId: string): (Record<string, any> & { product_id: string; price: number; shop_id: string; fromItem: string; index: number }) | null;

// TikTok (demo/tiktok/data.mjs).
export type TikTokDemoKind = 'plain' | 'ad' | 'seller-product' | 'partnership' | 'live' | 'ad-product' | 'campaign' | 'creator-product' | 'live-seller';
export interface TikTokDemoExpected {
  index: number;
  id: string;
  kind: TikTokDemoKind;
  tags: DemoTag[];
  followers: number;
  adKind?: 'closed-loop-product' | 'unknown';
  productIds?: string[];
  roomId?: string;
}
export const tiktokFeed: TikTokDemoExpected[];
export function tiktokExpectedAt(index: number): TikTokDemoExpected;
export function tiktokExpectedFeed(n?: number): TikTokDemoExpected[];
export function tiktokItemAt(index: number): Record<string, any> & { id: string; author: Record<string, any> };
export function tiktokFeedPage(o?: { cursor?: number; count?: number; total?: number }): { itemList: Array<Record<string, any>>; hasMore: boolean; cursor: string; statusCode: number; [k: string]: unknown };
export function tiktokProductById(id: string): { id: string; title: string; priceCents: number; shop: string; fromItem: string; index: number } | null;
