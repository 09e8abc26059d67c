/**
 * From one parsed JSON value to feed items, whatever wraps the responses: a HAR (`log.entries[]`), one HAR entry,
 * a `{url, body}` pair, a response saved on its own, or an array of any of these. A response that comes with its
 * URL is read only when a platform's `isItemEndpoint` accepts that URL, and through that platform's
 * `extractFromResponse` with the real URL, exactly as the extension does; one saved without its URL is probed
 * (probe-urls.ts).
 */
import type { FeedItem } from '../model/item';
import type { Platform } from '../platforms/types';
import { parseJsonText } from './json-text';
import { extractSaved } from './probe-urls';

/** What one input held, for the summary and for saying why a file gave no item. */
export interface Tally {
  /** Responses that came with a URL (HAR entries, `{url, body}` pairs). */
  withUrl: number;
  /** ... of which a platform reads the URL. */
  feedUrls: number;
  /** Feed responses whose body was not saved (a HAR exported without content). */
  noBody: number;
  /** Feed responses whose body is not JSON. */
  badBody: number;
  /** Responses saved without a URL. */
  saved: number;
  /** Responses that gave at least one item. */
  withItems: number;
}

export const emptyTally = (): Tally => ({ withUrl: 0, feedUrls: 0, noBody: 0, badBody: 0, saved: 0, withItems: 0 });

export interface ReadContext {
  platforms: readonly Platform[];
  tally: Tally;
  /** A problem with one part of the input that does not stop the rest (`log.entries[3]: body not JSON ...`). */
  warn(where: string, problem: string): void;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const isHar = (v: unknown): v is { log: { entries: unknown[] } } => isObj(v) && isObj(v.log) && Array.isArray(v.log.entries);
const isHarEntry = (v: unknown): v is { request: { url: string }; response: Obj } =>
  isObj(v) && isObj(v.request) && typeof v.request.url === 'string' && isObj(v.response);
const isUrlBody = (v: unknown): v is { url: string; body: unknown } => isObj(v) && typeof v.url === 'string' && 'body' in v;

/** Items in one JSON value; `where` names the value in messages (`log.entries[3]`, `[2]`, or empty for the whole). */
export function itemsInValue(value: unknown, where: string, ctx: ReadContext, nested = false): FeedItem[] {
  if (isHar(value)) return value.log.entries.flatMap((e, i) => (isHarEntry(e) ? itemsInEntry(e, `${where}log.entries[${i}]`, ctx) : []));
  if (isHarEntry(value)) return itemsInEntry(value, where, ctx);
  if (isUrlBody(value)) return itemsAtUrl(value.url, value.body, `${where}body`, ctx);
  const saved = extractSaved(value, ctx.platforms);
  if (saved || nested || !Array.isArray(value)) {
    ctx.tally.saved++;
    if (saved) ctx.tally.withItems++;
    return saved?.items ?? [];
  }
  // An array that is not itself a response: a list of items, HAR entries, pairs or responses.
  return value.flatMap((v, i) => itemsInValue(v, `${where}[${i}]`, ctx, true));
}

function itemsInEntry(entry: { request: { url: string }; response: Obj }, where: string, ctx: ReadContext): FeedItem[] {
  const content = entry.response.content;
  let body: unknown = isObj(content) ? content.text : undefined;
  if (typeof body === 'string' && isObj(content) && content.encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  return itemsAtUrl(entry.request.url, body, `${where}.response.content.text`, ctx);
}

function itemsAtUrl(url: string, body: unknown, where: string, ctx: ReadContext): FeedItem[] {
  ctx.tally.withUrl++;
  const platform = ctx.platforms.find((p) => p.isItemEndpoint(url));
  if (!platform) return [];
  ctx.tally.feedUrls++;
  if (body === undefined || body === null || body === '') {
    ctx.tally.noBody++;
    return [];
  }
  let json: unknown = body;
  if (typeof body === 'string') {
    const parsed = parseJsonText(body);
    if (!parsed.ok) {
      ctx.tally.badBody++;
      ctx.warn(where, `${parsed.problem}; response of ${endpointOf(url)} skipped`);
      return [];
    }
    json = parsed.value;
  }
  const items = platform.extractFromResponse(url, json);
  if (items.length) ctx.tally.withItems++;
  return items;
}

/** Host and path only: request queries carry device ids and signatures that have no place in messages. */
function endpointOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.slice(0, 80);
  }
}

/** Why an input that parsed gave no item, in one phrase. */
export function whyNoItems(t: Tally): string {
  const feed = `${t.feedUrls} feed response${t.feedUrls === 1 ? '' : 's'}`;
  if (t.withUrl > 0 && t.feedUrls === 0) return `none of its ${t.withUrl} responses is from a feed endpoint a platform reads`;
  if (t.feedUrls > 0 && t.noBody + t.badBody === t.feedUrls)
    return `no readable body in its ${feed} (${t.noBody} not saved, ${t.badBody} not JSON); save the HAR with content`;
  if (t.feedUrls > 0) return `no item in its ${feed}`;
  return 'no feed item found (not a feed response any platform reads)';
}
