/**
 * Items in one Douyin API response. The endpoint table (endpoints.ts) says where items usually are, but the
 * response's own shape decides, so an unlisted or renamed endpoint still yields its items. Never throws.
 */
import type { FeedItem } from '../../model/item';
import { awemeToItem, type AwemeContext } from './extract-aweme';
import { extractLivePromotions, extractRoomEnter, roomItem } from './extract-live';
import { endpointOf, endpointPath } from './endpoints';
import { arr, isObj, objField, parseMaybe, val } from './read';

export function extractFromResponse(url: string, json: unknown): FeedItem[] {
  try {
    return dedupe(extractUnsafe(url, parseMaybe(json)));
  } catch {
    return []; // a shape we did not foresee: skip it rather than break the page
  }
}

function extractUnsafe(url: string, json: unknown): FeedItem[] {
  const endpoint = endpointOf(url)?.path ?? endpointPath(url);
  const ctx: AwemeContext = { source: 'api', endpoint };
  const kind = endpointOf(url)?.itemsAt;
  if (kind === 'room-enter') return withWebRidFromUrl(url, extractRoomEnter(json, endpoint));
  if (kind === 'live-promotions') return extractLivePromotions(url, json, endpoint);
  if (Array.isArray(json)) return fromDataList(json, ctx); // a bare `data[]` (search saved on its own)
  if (!isObj(json)) return [];

  // The app API (2020) and data vendors wrap the response in `data`: `{code, data: {aweme_list}}`.
  const data = val(json, 'data');
  if (isObj(data) && !Array.isArray(data) && (val(data, 'aweme_list') || val(data, 'preload_ads'))) return fromAwemeLists(data, ctx);
  if (isObj(data) && isObj(val(data, 'data'))) return extractRoomEnter(json, endpoint);
  if (isObj(data) && Array.isArray(val(data, 'data'))) return extractRoomEnter(json, endpoint);
  if (isObj(data) && Array.isArray(val(data, 'promotions'))) return extractLivePromotions(url, json, endpoint);

  const out = fromAwemeLists(json, ctx);
  const detail = val(json, 'aweme_detail');
  if (detail) push(out, awemeToItem(detail, ctx));
  arr(json, 'cards').forEach((c) => push(out, awemeToItem(parseMaybe(val(c, 'aweme')), ctx)));
  if (Array.isArray(data)) out.push(...fromDataList(data, ctx));
  // A single item saved on its own (a detail body without its wrapper).
  if (!out.length && val(json, 'aweme_id')) push(out, awemeToItem(json, ctx));
  return out;
}

/** `aweme_list[]` and top-level `preload_ads[]` (every preload ad is an ad). */
function fromAwemeLists(o: Record<string, unknown>, ctx: AwemeContext): FeedItem[] {
  const out: FeedItem[] = [];
  arr(o, 'aweme_list').forEach((a) => push(out, awemeToItem(a, ctx)));
  arr(o, 'preload_ads').forEach((a) => push(out, awemeToItem(a, { ...ctx, preloaded: true })));
  return out;
}

/**
 * `data[]` lists: follow / familiar feeds (`aweme`, or a live card's `cell_room` with an empty `aweme`), search
 * (`aweme_info`, `aweme_mix_info.mix_items[]`), live search (a room under `lives.rawdata` / `room`).
 * Cards without an item (hot lists, wiki cards) give nothing.
 */
function fromDataList(list: unknown[], ctx: AwemeContext): FeedItem[] {
  const out: FeedItem[] = [];
  list.forEach((entry, i) => {
    if (!isObj(entry)) return;
    const before = out.length;
    push(out, awemeToItem(val(entry, 'aweme_info'), ctx));
    push(out, awemeToItem(val(entry, 'aweme'), ctx));
    arr(val(entry, 'aweme_mix_info'), 'mix_items').forEach((m) => push(out, awemeToItem(m, ctx)));
    if (out.length > before) return;
    // A follow-feed live card: the room alone, the `aweme` empty.
    const cell = objField(entry, 'cell_room');
    if (cell) {
      const room = objField(cell.value, 'rawdata') ?? cell;
      push(out, roomItem(room.value, `data[${i}].cell_room`, ctx.source, ctx.endpoint));
      return;
    }
    const lives = objField(entry, 'lives') ?? objField(entry, 'room');
    if (lives) {
      const room = objField(lives.value, 'rawdata') ?? lives;
      push(out, roomItem(room.value, `data[${i}].${lives.key}`, ctx.source, ctx.endpoint));
    }
  });
  return out;
}

/**
 * The 2026 room-enter response carries the room's live.douyin.com number nowhere in its body (the real capture
 * keeps it only in the request's `web_rid=`), so a room without `owner.web_rid` takes it from the URL.
 */
function withWebRidFromUrl(url: string, items: FeedItem[]): FeedItem[] {
  let webRid: string | null = null;
  try {
    webRid = new URL(url, 'https://live.douyin.com').searchParams.get('web_rid');
  } catch {
    return items;
  }
  if (!webRid || !/^\d{4,25}$/.test(webRid) || items.length !== 1) return items; // several rooms: which one is unknown
  for (const item of items) if (item.live && !item.live.webRid) item.live.webRid = webRid;
  return items;
}

function push(out: FeedItem[], item: FeedItem | undefined): void {
  if (item) out.push(item);
}

/** One item per id; the first seen wins (a later copy on the same page carries the same fields). */
function dedupe(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}
