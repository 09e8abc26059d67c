/**
 * Items in one TikTok API response. The endpoint table says where items usually are; the response's own shape
 * decides, so a renamed endpoint still yields its items. Never throws.
 *   itemList[]                      For You, Following, a profile's posts, related videos
 *   itemInfo.itemStruct             /api/item/detail/
 *   data[].item                     /api/search/general/full/ (cards without an item give nothing)
 *   item_list[]                     /api/search/item/full/
 *   LiveRoomInfo                    /api/live/detail/ (one room)
 *   an itemStruct on its own        a detail body saved without its wrapper
 */
import type { FeedItem } from '../../model/item';
import { endpointOf, endpointPath } from './endpoints';
import { itemStructToItem, type ItemContext } from './extract-item';
import { extractLiveDetail } from './extract-live';
import { arr, isObj, obj, parseJson, val } from './read';

export function extractFromResponse(url: string, json: unknown): FeedItem[] {
  try {
    const body = typeof json === 'string' ? parseJson(json) : json;
    return dedupe(extractUnsafe(url, body));
  } catch {
    return []; // a shape we did not foresee: skip it rather than break the page
  }
}

function extractUnsafe(url: string, json: unknown): FeedItem[] {
  if (!isObj(json)) return [];
  const endpoint = endpointOf(url)?.path ?? endpointPath(url);
  const ctx: ItemContext = endpoint ? { source: 'api', endpoint } : { source: 'api' };
  const out: FeedItem[] = [];
  const push = (raw: unknown) => {
    const item = itemStructToItem(raw, ctx);
    if (item) out.push(item);
  };
  arr(json, 'itemList').forEach(push);
  arr(json, 'item_list').forEach(push);
  push(val(obj(json, 'itemInfo'), 'itemStruct'));
  arr(json, 'data').forEach((entry) => push(val(entry, 'item')));
  if (!out.length) out.push(...extractLiveDetail(json, endpoint));
  if (!out.length) push(json);
  return out;
}

/** One item per id; the first seen wins. */
export function dedupe(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}
