/**
 * From captured responses and embedded page data to classified items in the store.
 * Listens at document_start (the capture script may post before the DOM exists), asks the capture script to
 * replay what it caught earlier, and re-reads the page's embedded data on start and on every SPA navigation.
 */
import { PAGE_CHANNEL, type ContentToBackground, type PageToContent, type ResponseItems } from '../messages';
import type { FeedItem } from '../model/item';
import type { ClassifiedItem } from '../model/tags';
import { classify } from '../classify';
import { classifyResponse, urlPath } from '../response-body';
import { guarded, log } from './guard';
import { MERGE_KEEP_MAX, mergeItems } from './merge-items';
import { PageMessageGate } from './page-messages';
import type { Session } from './session';
import { withTimeout } from './timers';

/** Live rooms remembered by their URL number (web_rid). Count; the oldest is forgotten first. */
export const ROOM_IDS_MAX = 1_000;

/** Set `key` in a Map used as a bounded LRU: it becomes the newest entry, and the oldest goes beyond `max`. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

/** Live items already seen on this page, by id, to merge a room's later responses into (see merge-items.ts). */
const liveSeen = new WeakMap<Session, Map<string, FeedItem>>();

function mergedWithEarlier(session: Session, item: FeedItem): FeedItem {
  if (item.format !== 'live') return item;
  let seen = liveSeen.get(session);
  if (!seen) liveSeen.set(session, (seen = new Map()));
  const prev = seen.get(item.id);
  const merged = prev ? mergeItems(prev, item) : item;
  remember(seen, item.id, merged, MERGE_KEEP_MAX);
  return merged;
}

export function storeItems(session: Session, fresh: FeedItem[]): number {
  let changed = 0;
  for (const item of fresh.map((i) => mergedWithEarlier(session, i))) {
    // Bounded, newest kept: a long scroll passes thousands of live cards, and a room entered is a recent one.
    if (item.live?.webRid) remember(session.roomIdsByWebRid, item.live.webRid, item.id, ROOM_IDS_MAX);
    if (item.format === 'live' && session.surface === 'live-room') session.lastRoomItemId = item.id;
    const classified = guarded('classify', () => classify(item, { topKolMinFollowers: session.settings.topKolMinFollowers }), null);
    if (classified && session.store.upsert(classified)) changed++;
  }
  return changed;
}

/** How long a page waits for the worker's items before doing the work itself. Milliseconds. */
export const RESPONSE_REPLY_TIMEOUT_MS = 5_000;

/** Items the worker classified, and stored while recording: the outbox need not send them back (start.ts). */
export const classifiedByWorker = new WeakSet<ClassifiedItem>();

type ResponseMessage = Extract<ContentToBackground, { type: 'cs-bg/response' }>;
export type SendResponse = (message: ResponseMessage) => Promise<unknown>;

const isResponseItems = (r: unknown): r is ResponseItems =>
  typeof r === 'object' && r !== null && (r as ResponseItems).ok === true && Array.isArray((r as ResponseItems).items) && Array.isArray((r as ResponseItems).live);

/**
 * A captured body goes to the worker, which parses, extracts and classifies it off the page's main thread
 * (utils/response-body.ts); its items come back to the store here. When the worker cannot (an error, no
 * answer within RESPONSE_REPLY_TIMEOUT_MS) the work is done here, as before, so no response is lost.
 */
export async function forwardBody(session: Session, url: string, body: string, send: SendResponse): Promise<void> {
  let reply: unknown;
  try {
    reply = await withTimeout(send({ type: 'cs-bg/response', platform: session.platform.id, url, body }), RESPONSE_REPLY_TIMEOUT_MS);
  } catch (err) {
    log('the worker could not classify a response; classified here', err);
  }
  if (!isResponseItems(reply)) return handleBody(session, url, body);
  if (reply.badJson) log('captured body is not JSON; skipped (the worker kept the diagnostic)', url);
  for (const item of reply.items) classifiedByWorker.add(item);
  keep(session, reply);
}

/** A captured body parsed, extracted and classified here, as the worker would (utils/response-body.ts). */
export function handleBody(session: Session, url: string, body: string): void {
  const got = classifyResponse(session.platform, url, body, session.settings, log);
  if (got.badJson) {
    log('captured body is not JSON; skipped', url);
    session.diagnostic('bad-json', `${urlPath(url)} (${body.length} characters)`);
  }
  keep(session, got);
}

/** Classified items to the store; live rooms merged with their earlier responses first (storeItems). */
function keep(session: Session, got: { items: ClassifiedItem[]; live: FeedItem[] }): void {
  for (const item of got.items) session.store.upsert(item);
  storeItems(session, got.live);
}

export function listenForResponses(session: Session, send: SendResponse): PageMessageGate {
  const gate = new PageMessageGate(window);
  session.ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    const result = gate.check(event);
    if (result.ok) return void forwardBody(session, result.response.url, result.response.body, send);
    if (!result.ignored) {
      log(`rejected a page message (${gate.rejected} so far): ${result.reason}`);
      // Tell the background once, not per message: a hostile page could post thousands.
      if (gate.rejected === 1) session.diagnostic('rejected-message', result.reason);
    }
  });
  // The capture script has been running since document_start; ask it for anything posted before we listened.
  const ask: PageToContent = { channel: PAGE_CHANNEL, type: 'page-cs/replay-request' };
  window.postMessage(ask, location.origin);
  return gate;
}

/** Items embedded in the HTML (first page); call once the DOM is there, and after each navigation. */
export function readPageData(session: Session): void {
  const items = guarded('extractFromPage', () => session.platform.extractFromPage(document), []);
  storeItems(session, items);
}
