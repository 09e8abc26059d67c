/**
 * A saved API response usually comes without the URL it answered, yet a platform's `extractFromResponse(url, json)`
 * wants one. We do not guess the endpoint from the JSON's keys here (that would name site fields outside
 * utils/platforms/): each platform is offered the response under each of its own example endpoint URLs,
 * in order, and the first probe that yields items wins. The extractors decide by the
 * response's shape more than by its URL, so on every saved response in the fixtures (real and made) all probes
 * that yield items give the very same items; taking the first keeps a long NDJSON file at one extraction per line
 * instead of one per probe. A probe URL no platform accepts is never used: a stale entry costs only a miss.
 *
 * The probes are each platform's own `endpointExamples` (feeds first), so a platform added to the registry gets
 * its chance with no change here.
 */
import type { FeedItem } from '../model/item';
import type { Platform } from '../platforms/types';


export interface Probed {
  platform: Platform;
  url: string;
  items: FeedItem[];
}

/** The first reading of a response saved without its URL that finds items, or undefined when none does. */
export function extractSaved(json: unknown, platforms: readonly Platform[]): Probed | undefined {
  for (const platform of platforms) {
    for (const url of platform.endpointExamples) {
      if (!platform.isItemEndpoint(url)) continue;
      const items = platform.extractFromResponse(url, json);
      if (items.length) return { platform, url, items };
    }
  }
  return undefined;
}
