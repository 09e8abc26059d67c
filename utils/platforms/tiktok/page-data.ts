/**
 * Items in the data a TikTok page embeds in its first HTML:
 *  - `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">` (2023–26): JSON whose `__DEFAULT_SCOPE__` holds one entry
 *    per page module; a video page's item is at `["webapp.video-detail"].itemInfo.itemStruct`;
 *  - `<script id="SIGI_STATE">` (older pages): `ItemModule` maps each item id to its item.
 * Only these known places are read: walking the whole state would turn authors and music into "items".
 */
import type { FeedItem } from '../../model/item';
import { dedupe } from './extract';
import { itemStructToItem } from './extract-item';
import { arr, isObj, obj, parseJson, UNSAFE_KEYS, val } from './read';

/** Most items read from one page state (a SIGI_STATE ItemModule holds a page of 30 or so). */
export const MAX_PAGE_ITEMS = 500;

/** Items in a decoded page state (either layout). */
export function extractFromPageState(state: unknown): FeedItem[] {
  const raws: unknown[] = [];
  const scope = obj(state, '__DEFAULT_SCOPE__');
  if (scope) {
    for (const key of Object.keys(scope)) {
      if (UNSAFE_KEYS.has(key)) continue;
      const module = val(scope, key);
      raws.push(val(obj(module, 'itemInfo'), 'itemStruct'));
      raws.push(...arr(module, 'itemList'));
    }
  }
  const itemModule = obj(state, 'ItemModule');
  if (itemModule) for (const key of Object.keys(itemModule)) if (!UNSAFE_KEYS.has(key)) raws.push(val(itemModule, key));
  const out: FeedItem[] = [];
  for (const raw of raws.slice(0, MAX_PAGE_ITEMS)) {
    try {
      const item = itemStructToItem(raw, { source: 'page-data' });
      if (item) out.push(item);
    } catch {
      // one malformed item never hides the others
    }
  }
  return dedupe(out);
}

/** Items in the embedded data of a parsed HTML document. */
export function extractFromPage(doc: Document): FeedItem[] {
  const out: FeedItem[] = [];
  try {
    for (const id of ['__UNIVERSAL_DATA_FOR_REHYDRATION__', 'SIGI_STATE']) {
      const text = doc.getElementById(id)?.textContent;
      const state = text ? parseJson(text) : undefined;
      if (isObj(state)) out.push(...extractFromPageState(state));
    }
  } catch {
    // A document we cannot read: whatever was read so far still counts.
  }
  return dedupe(out);
}
