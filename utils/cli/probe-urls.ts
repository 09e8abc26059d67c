/**
 * A saved API response usually comes without the URL it answered, yet a platform's `extractFromResponse(url, json)`
 * wants one. We do not guess the endpoint from the JSON's keys here (that would name site fields outside
 * utils/platforms/): each platform is offered the response under every probe URL its own `isItemEndpoint`
 * accepts, in this list's order, and the first probe that yields items wins. The extractors decide by the
 * response's shape more than by its URL, so on every saved response in the fixtures (real and made) all probes
 * that yield items give the very same items; taking the first keeps a long NDJSON file at one extraction per line
 * instead of one per probe. A probe URL no platform accepts is never used: a stale entry costs only a miss.
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

/** The first reading of a response saved without its URL that finds items, or undefined when none does. */
export function extractSaved(json: unknown, platforms: readonly Platform[], probes: readonly string[] = PROBE_URLS): Probed | undefined {
  for (const platform of platforms) {
    for (const url of probes) {
      if (!platform.isItemEndpoint(url)) continue;
      const items = platform.extractFromResponse(url, json);
      if (items.length) return { platform, url, items };
    }
  }
  return undefined;
}
