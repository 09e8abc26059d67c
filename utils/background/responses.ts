/**
 * Feed responses parsed, extracted and classified in the worker. The content script did this on the page's main
 * thread, where one feed page of the replica (~31 KB, ten items) cost ~2.3 ms: JSON.parse, extraction,
 * classification and sending the items back here (docs/PERFORMANCE.md, "Feed items found where the feed
 * changed"). Now the page sends the body as it came and gets the classified items back.
 *
 * Live items, and items that name a live room, are returned unclassified: the page merges a room's successive
 * responses into one item before classifying it (utils/content/merge-items.ts) and remembers rooms by their URL
 * number, and that memory belongs to the page, not to a worker that may stop.
 * Pure apart from the platform's extractor; never throws.
 */
import type { PlatformId, FeedItem } from '../model/item';
import type { ClassifiedItem } from '../model/tags';
import type { Settings } from '../settings';
import { classify } from '../classify';
import { platformById } from '../platforms/registry';

export interface ClassifiedResponse {
  items: ClassifiedItem[];
  live: FeedItem[];
  /** The body was not JSON. */
  badJson?: true;
}

export function classifyResponse(
  platformId: PlatformId,
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
    found = platformById(platformId)?.extractFromResponse(url, json) ?? [];
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
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '?';
  }
}
