/**
 * The one message protocol. Type names say the direction:
 *  - `page-cs/…`  main-world capture script → isolated content script (window.postMessage; untrusted!)
 *  - `cs-bg/…`    content script → background worker (runtime.sendMessage)
 *  - `ui-bg/…`    popup / dashboard / consent page → background worker
 * Every receiver validates with the guards in utils/validate.ts before acting, and switches exhaustively.
 */
import type { ClassifiedItem } from './model/tags';
import type { Touchpoint } from './model/touchpoint';
import type { FeedItem, PlatformId, Surface } from './model/item';
import type { Settings } from './settings';
import type { Bucket } from './background/aggregates';

/** Marks our window messages; anything without it is ignored. */
export const PAGE_CHANNEL = 'guangjie:capture/v1';

export type PageToContent =
  /** One captured response body (text, capped in size) and the URL it came from. */
  | { channel: typeof PAGE_CHANNEL; type: 'page-cs/response'; seq: number; url: string; body: string }
  /** The content script asks the capture script to replay what it captured before the content script was ready. */
  | { channel: typeof PAGE_CHANNEL; type: 'page-cs/replay-request' };

export interface Diagnostic {
  at: number;
  platform: PlatformId;
  surface: Surface;
  kind: 'selector-missing' | 'bad-json' | 'rejected-message' | 'storage-error';
  detail: string;
}

export type ContentToBackground =
  | { type: 'cs-bg/touchpoints'; touchpoints: Touchpoint[] }
  | { type: 'cs-bg/items'; items: ClassifiedItem[] }
  /**
   * A feed response the capture script caught on a page of `platform`, to be parsed, extracted and classified by
   * the worker, off the page's main thread (docs/PERFORMANCE.md); the sender stores what comes back.
   */
  | { type: 'cs-bg/response'; platform: PlatformId; url: string; body: string }
  | { type: 'cs-bg/diagnostic'; diagnostic: Diagnostic }
  | { type: 'cs-bg/settings' };

export type UiToBackground =
  /** `tabId`: the popup's active tab, for the "detection degraded on this page" flag. */
  | { type: 'ui-bg/stats'; tabId?: number }
  | { type: 'ui-bg/settings' }
  | { type: 'ui-bg/update-settings'; patch: Record<string, unknown> }
  | { type: 'ui-bg/delete-all' };

export type ToBackground = ContentToBackground | UiToBackground;

/** Machine idle state, as `browser.idle` reports it (only the background can ask). */
export const IDLE_STATES = ['active', 'idle', 'locked'] as const;
export type IdleState = (typeof IDLE_STATES)[number];

/** background → content script (tabs.sendMessage): the machine went idle / locked / active again. */
export type BackgroundToContent = { type: 'bg-cs/idle'; state: IdleState };

/** Reply to `cs-bg/touchpoints`: the ids now safely stored (a retry of these is a no-op). */
export interface TouchpointAck {
  ok: true;
  stored: string[];
  /** Recording is off (switch, consent): nothing was stored, but don't resend these. */
  dropped?: true;
  /** Touchpoints that failed validation; they will never be stored, so don't resend them either. */
  rejected?: Rejection[];
}

/* ---- Replies (added by the background side; additive) ---- */

export interface Rejection {
  /** Position in the batch sent. */
  index: number;
  id?: string;
  reason: string;
}

/**
 * Something failed. `storage-full` and `storage-error`: keep the queue and resend later (nothing was stored).
 * `invalid-message` and `forbidden-sender`: resending the same message will fail again.
 */
export interface ErrorReply {
  ok: false;
  error: 'storage-full' | 'storage-error' | 'invalid-message' | 'forbidden-sender';
  reason?: string;
}

export type TouchpointReply = TouchpointAck | ErrorReply;

export interface ItemsAck {
  ok: true;
  /** How many items were upserted. */
  stored: number;
  dropped?: true;
  rejected?: Rejection[];
}

/** Reply to `cs-bg/response`. */
export interface ResponseItems {
  ok: true;
  /** The response's items, classified (and stored, while recording), live rooms aside. */
  items: ClassifiedItem[];
  /** Live items and items naming a live room, unclassified: the page merges and remembers rooms itself. */
  live: FeedItem[];
  /** The body was not JSON (a diagnostic was kept): there are no items. */
  badJson?: true;
  /** How many items were upserted; 0 with `dropped` when recording is off or the disk is full. */
  stored: number;
  dropped?: true;
}

export interface OkReply {
  ok: true;
}

export interface SettingsReply {
  ok: true;
  settings: Settings;
}

/**
 * One period's numbers (today, all-time): the running totals the worker keeps (utils/background/aggregates.ts,
 * where each field's unit is documented) less the per-type counts. Items = distinct items with an impression.
 */
export interface StatsSummary extends Omit<Bucket, 'byType'> {
  /** Journeys (utils/journeys) ending in the period; null while not yet computed for a large store. */
  journeys?: JourneyCounts | null;
}

/** Journey counts for the popup. `browse` / `store` count journeys by how they began (utils/journeys/mode.ts). */
export interface JourneyCounts {
  open: number;
  converted: number;
  browse: number;
  store: number;
}

export interface Stats {
  today: StatsSummary;
  allTime: StatsSummary;
  /** Shops by touchpoints that named them, most first. */
  topShops: Array<{ shopId: string; name?: string; touchpoints: number }>;
  storageFull: boolean;
  /** The asked tab reported missing selectors recently: tags on that page may be incomplete. */
  degraded: boolean;
  recording: boolean;
  /** When the journey counts were computed (epoch ms); they lag behind on a large store. */
  journeysAsOf?: number;
}

export interface StatsReply {
  ok: true;
  stats: Stats;
}

/** What the background replies to each message type. */
export interface ReplyMap {
  'cs-bg/touchpoints': TouchpointReply;
  'cs-bg/items': ItemsAck | ErrorReply;
  'cs-bg/response': ResponseItems | ErrorReply;
  'cs-bg/diagnostic': OkReply | ErrorReply;
  'cs-bg/settings': SettingsReply | ErrorReply;
  'ui-bg/stats': StatsReply | ErrorReply;
  'ui-bg/settings': SettingsReply | ErrorReply;
  'ui-bg/update-settings': SettingsReply | ErrorReply;
  'ui-bg/delete-all': OkReply | ErrorReply;
}
export type ReplyTo<T extends ToBackground['type']> = ReplyMap[T];
