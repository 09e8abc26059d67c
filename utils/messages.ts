/**
 * The one message protocol. Type names say the direction:
 *  - `page-cs/…`  main-world capture script → isolated content script (window.postMessage; untrusted!)
 *  - `cs-bg/…`    content script → background worker (runtime.sendMessage)
 *  - `ui-bg/…`    popup / dashboard / consent page → background worker
 * Every receiver validates with the guards in utils/validate.ts before acting, and switches exhaustively.
 */
import type { ClassifiedItem } from './model/tags';
import type { Touchpoint } from './model/touchpoint';
import type { PlatformId, Surface } from './model/item';

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
  | { type: 'cs-bg/diagnostic'; diagnostic: Diagnostic }
  | { type: 'cs-bg/settings' };

export type UiToBackground =
  | { type: 'ui-bg/stats' }
  | { type: 'ui-bg/settings' }
  | { type: 'ui-bg/update-settings'; patch: Record<string, unknown> }
  | { type: 'ui-bg/delete-all' };

export type ToBackground = ContentToBackground | UiToBackground;

/** Reply to `cs-bg/touchpoints`: the ids now safely stored (a retry of these is a no-op). */
export interface TouchpointAck {
  ok: true;
  stored: string[];
}
