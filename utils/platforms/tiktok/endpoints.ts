/**
 * Which TikTok request URLs hold feed items, and where in the response (PLATFORMS.md, TikTok "APIs"). This small
 * module is all the main-world capture script bundles from TikTok (see utils/platforms/endpoint-registry.ts).
 * The extractor also recognises response shapes on their own, so this list decides only what is forwarded.
 */
import { endpointPathOn } from '../kit/urls';

export type ItemsAt = 'itemList[]' | 'itemInfo.itemStruct' | 'data[].item' | 'item_list[]' | 'LiveRoomInfo';

export interface Endpoint {
  /** Path on www.tiktok.com (query ignored). */
  path: string;
  itemsAt: ItemsAt;
}

export const ITEM_ENDPOINTS: readonly Endpoint[] = [
  { path: '/api/recommend/item_list/', itemsAt: 'itemList[]' }, // For You
  // Following, Friends, Explore and hashtag pages: same `itemList` shape; named by public scrapers (2024–25),
  // not in a capture of ours.
  { path: '/api/following/item_list/', itemsAt: 'itemList[]' },
  { path: '/api/friends/item_list/', itemsAt: 'itemList[]' },
  { path: '/api/explore/item_list/', itemsAt: 'itemList[]' },
  { path: '/api/challenge/item_list/', itemsAt: 'itemList[]' },
  { path: '/api/post/item_list/', itemsAt: 'itemList[]' }, // a profile's posts
  { path: '/api/related/item_list/', itemsAt: 'itemList[]' }, // "more videos" beside a video page
  { path: '/api/item/detail/', itemsAt: 'itemInfo.itemStruct' },
  { path: '/api/search/general/full/', itemsAt: 'data[].item' },
  { path: '/api/search/item/full/', itemsAt: 'item_list[]' },
  { path: '/api/live/detail/', itemsAt: 'LiveRoomInfo' },
];

const HOSTS = /(^|\.)tiktok\.com$/;

/** The endpoint path of a request URL (absolute, or relative to www.tiktok.com), with a trailing slash. */
export const endpointPath = (url: string): string | undefined => endpointPathOn(url, 'https://www.tiktok.com', HOSTS);

export function endpointOf(url: string): Endpoint | undefined {
  const p = endpointPath(url);
  return p === undefined ? undefined : ITEM_ENDPOINTS.find((e) => e.path === p);
}

export const isItemEndpoint = (url: string): boolean => endpointOf(url) !== undefined;

/** One example URL per item endpoint (Platform.endpointExamples). */
export const endpointExamples: readonly string[] = ITEM_ENDPOINTS.map((e) => `https://www.tiktok.com${e.path}`);
