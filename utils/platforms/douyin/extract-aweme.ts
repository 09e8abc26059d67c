/**
 * One Douyin item (an "aweme": video, image post, or live card) into the neutral FeedItem. Reads snake_case API
 * fields and the camelCase copies in the page state alike (see read.ts). Returns undefined when there is no id.
 */
import { emptyItem, type FeedItem, type ItemSource } from '../../model/item';
import { extractAd } from './extract-ad';
import { extractAuthor } from './extract-author';
import { extractAnchors, extractCampaigns, extractPoi, extractProducts } from './extract-commerce';
import { liveFacts } from './extract-live';
import { arr, isObj, num, objField, read, short, str, val } from './read';

/** `aweme_type` codes seen (others occur — 51, 55, 61, 66 — and are read as ordinary posts). */
export const AWEME_TYPE = { video: 0, image: 68, live: 101 } as const;
export const DESC_MAX_CHARS = 120;

export interface AwemeContext {
  source: ItemSource;
  endpoint?: string;
  /** The item came from top-level `preload_ads[]`: an ad by where it sits. */
  preloaded?: boolean;
}

export function awemeId(raw: unknown): string | undefined {
  const id = str(raw, 'aweme_id');
  return id && /^\d{6,25}$/.test(id) ? id : undefined;
}

export function awemeToItem(raw: unknown, ctx: AwemeContext): FeedItem | undefined {
  if (!isObj(raw)) return undefined;
  const id = awemeId(raw);
  if (!id) return undefined;
  const item = emptyItem('douyin', id, ctx.source);
  if (ctx.endpoint) item.endpoint = ctx.endpoint;
  const type = num(raw, 'aweme_type');
  if (type !== undefined) item.rawType = type;
  item.desc = short(str(raw, 'desc'), DESC_MAX_CHARS);
  if (item.desc === undefined) delete item.desc;
  const created = num(raw, 'create_time');
  if (created !== undefined) item.createTime = created;
  item.author = extractAuthor(raw);
  item.ad = extractAd(raw, !!ctx.preloaded);
  item.products = extractProducts(raw);
  const anchors = extractAnchors(raw);
  item.anchors = anchors.map(({ raw: _raw, ...a }) => a);
  const poi = extractPoi(raw, anchors);
  if (poi) item.poi = poi;
  item.campaigns = extractCampaigns(raw);
  const live = liveOf(raw, type);
  if (live) item.live = live;
  item.format = live ? 'live' : type === AWEME_TYPE.image || arr(raw, 'images').length > 0 ? 'image' : val(raw, 'video') || type !== undefined ? 'video' : 'other';
  return item;
}

/**
 * A live card: `cell_room` (feed; its `rawdata` a JSON string) or, on search, `rawdata` on the item itself with
 * `aweme_type` 101. A live card whose room cannot be read still counts as live, keyed by the card's id.
 */
function liveOf(raw: Record<string, unknown>, type: number | undefined) {
  const cell = read(raw, 'cell_room');
  if (cell && isObj(cell.value)) {
    const room = objField(cell.value, 'rawdata') ?? { key: '', value: cell.value };
    return liveFacts(room.value, room.key ? `${cell.key}.${room.key}` : cell.key);
  }
  const rawdata = objField(raw, 'rawdata');
  if (type === AWEME_TYPE.live && rawdata) return liveFacts(rawdata.value, rawdata.key);
  if (type === AWEME_TYPE.live) return { selling: [], notSelling: [] };
  return undefined;
}
