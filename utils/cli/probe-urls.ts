/**
 * A saved API response usually comes without the URL it answered, yet a platform's `extractFromResponse(url, json)`
 * wants one. We do not guess the endpoint from the JSON's keys here (that would name site fields outside
 * utils/platforms/): each platform is offered the response under every probe URL its own `isItemEndpoint`
 * accepts, and the probe that yields the most items wins (the first such, on a tie). A probe URL no platform
 * accepts is never used, so a wrong or stale entry here costs nothing but a miss.
 *
 * The list is of public endpoint paths (PLATFORMS.md, "Feed API endpoints", beside the fixtures); generic feed paths come first,
 * because most saved responses are feeds. A platform added to the registry gets its chance as soon as its
 * endpoints are listed here.
 */
import type { FeedItem } from '../model/item';
import type { Platform } from '../platforms/types';

export const PROBE_URLS: readonly string[] = [
  // Douyin web and app: feeds, search, detail, live
  'https://www.douyin.com/aweme/v1/web/tab/feed/',
  'https://www.douyin.com/aweme/v2/web/module/feed/',
  'https://www.douyin.com/aweme/v1/web/module/feed/',
  'https://www.douyin.com/aweme/v1/web/follow/feed/',
  'https://www.douyin.com/aweme/v1/web/general/search/single/',
  'https://www.douyin.com/aweme/v1/web/aweme/detail/',
  'https://www.douyin.com/aweme/v1/web/live/search/',
  'https://live.douyin.com/webcast/room/web/enter/',
  'https://live.douyin.com/live/promotions/page/',
  // TikTok web: For You, profile, related, detail, search, live
  'https://www.tiktok.com/api/recommend/item_list/?aid=1988',
  'https://www.tiktok.com/api/post/item_list/?aid=1988',
  'https://www.tiktok.com/api/related/item_list/?aid=1988',
  'https://www.tiktok.com/api/item/detail/?aid=1988',
  'https://www.tiktok.com/api/search/general/full/?aid=1988',
  'https://www.tiktok.com/api/search/item/full/?aid=1988',
  'https://www.tiktok.com/api/live/detail/?aid=1988',
];

export interface Probed {
  platform: Platform;
  url: string;
  items: FeedItem[];
}

/** The best reading of a response saved without its URL, or undefined when no platform finds an item in it. */
export function extractSaved(json: unknown, platforms: readonly Platform[], probes: readonly string[] = PROBE_URLS): Probed | undefined {
  let best: Probed | undefined;
  for (const platform of platforms) {
    for (const url of probes) {
      if (!platform.isItemEndpoint(url)) continue;
      const items = platform.extractFromResponse(url, json);
      if (items.length > (best?.items.length ?? 0)) best = { platform, url, items };
    }
  }
  return best;
}
