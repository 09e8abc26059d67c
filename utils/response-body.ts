/**
 * A captured feed response, from its body to classified items. The worker does this for the page (router case
 * 'cs-bg/response'), off the page's main thread, where one feed page of the replica (~31 KB, ten items) cost
 * ~2.3 ms (docs/PERFORMANCE.md, "Feed items found where the feed changed"); the page does it itself only when the
 * worker fails or does not answer (utils/content/responses.ts). One function for both, so the two cannot differ.
 *
 * Live items, and items that name a live room, are returned unclassified: the page merges a room's successive
 * responses into one item before classifying it (utils/content/merge-items.ts) and remembers rooms by their URL
 * number, and that memory belongs to the page, not to a worker that may stop.
 * Pure apart from the platform's extractor; never throws.
 */
import type { FeedItem } from './model/item';
import type { ClassifiedItem } from './model/tags';
import type { Platform } from './platforms/types';
import type { Settings } from './settings';
import { classify } from './classify';

export interface ClassifiedResponse {
  items: ClassifiedItem[];
  live: FeedItem[];
  /** The body was not JSON. */
  badJson?: true;
}

export function classifyResponse(
  platform: Pick<Platform, 'extractFromResponse'> | undefined,
  url: string,
  body: string,
  settings: Pick<Settings, 'topKolMinFollowers'>,
  log: (what: string, detail?: unknown) => void = () => {},
): ClassifiedResponse {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { items: [], live: [], badJson: true };
  }
  let found: FeedItem[] = [];
  try {
    found = platform?.extractFromResponse(url, json) ?? [];
  } catch (e) {
    log('extractFromResponse failed; the response is skipped', e);
  }
  const out: ClassifiedResponse = { items: [], live: [] };
  for (const item of found) {
    if (item.format === 'live' || item.live?.webRid) {
      out.live.push(item);
      continue;
    }
    try {
      out.items.push(classify(item, { topKolMinFollowers: settings.topKolMinFollowers }));
    } catch (e) {
      log('classify failed; the item is skipped', e);
    }
  }
  return out;
}

/** The path of a URL, for a diagnostic (never its query: it can carry ids). */
export function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '?';
  }
}
