/**
 * Which request URLs hold feed items, and where in the response (PLATFORMS.md, "Feed API endpoints").
 * The extractor also recognises response shapes on their own, so a renamed endpoint still yields items; this
 * list decides what the capture script forwards at all.
 */
import { endpointPathOn } from '../kit/urls';

export type ItemsAt =
  | 'aweme_list'
  | 'data[].aweme'
  | 'cards[].aweme(json)'
  | 'data[].aweme_info'
  | 'aweme_detail'
  | 'live-search'
  | 'room-enter'
  | 'live-promotions';

export interface Endpoint {
  /** Path prefix on www.douyin.com / live.douyin.com (query ignored). */
  path: string;
  itemsAt: ItemsAt;
}

export const ITEM_ENDPOINTS: readonly Endpoint[] = [
  { path: '/aweme/v1/web/tab/feed/', itemsAt: 'aweme_list' },
  { path: '/aweme/v1/web/aweme/post/', itemsAt: 'aweme_list' },
  { path: '/aweme/v1/web/mix/aweme/', itemsAt: 'aweme_list' },
  { path: '/aweme/v1/web/aweme/related/', itemsAt: 'aweme_list' },
  { path: '/aweme/v2/web/module/feed/', itemsAt: 'aweme_list' },
  { path: '/aweme/v1/web/follow/feed/', itemsAt: 'data[].aweme' },
  { path: '/aweme/v1/web/familiar/feed/', itemsAt: 'data[].aweme' },
  { path: '/aweme/v1/web/module/feed/', itemsAt: 'cards[].aweme(json)' },
  { path: '/aweme/v1/web/general/search/single/', itemsAt: 'data[].aweme_info' },
  { path: '/aweme/v1/web/search/item/', itemsAt: 'data[].aweme_info' },
  { path: '/aweme/v1/web/aweme/detail/', itemsAt: 'aweme_detail' },
  { path: '/aweme/v1/web/live/search/', itemsAt: 'live-search' },
  { path: '/webcast/room/web/enter/', itemsAt: 'room-enter' },
  { path: '/live/promotions/page/', itemsAt: 'live-promotions' },
];

const HOSTS = /(^|\.)douyin\.com$|(^|\.)amemv\.com$|(^|\.)snssdk\.com$/;

/** The endpoint path of a request URL (absolute or relative), without its query. */
export const endpointPath = (url: string): string | undefined => endpointPathOn(url, 'https://www.douyin.com', HOSTS);

export function endpointOf(url: string): Endpoint | undefined {
  const p = endpointPath(url);
  if (!p) return undefined;
  // Live promotions are served under several prefixes (`/webcast/...`, app hosts): match the tail.
  return ITEM_ENDPOINTS.find((e) => p === e.path || p.endsWith(e.path));
}

export const isItemEndpoint = (url: string): boolean => endpointOf(url) !== undefined;

/** One example URL per item endpoint (Platform.endpointExamples). */
export const endpointExamples: readonly string[] = ITEM_ENDPOINTS.map((e) => `https://www.douyin.com${e.path}`);
