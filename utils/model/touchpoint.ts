/**
 * A touchpoint: one thing the viewer did or saw, as stored by the background worker.
 * Definitions of impression, dwell and attention live in utils/journeys/definitions.ts (and docs/DATA.md).
 */
import type { PlatformId, Surface } from './item';
import type { AdKind, TagId } from './tags';

export const TOUCHPOINT_TYPES = [
  'impression',
  'product-click',
  'shop-open',
  'live-enter',
  'live-leave',
  'cart-open',
  'product-view',
  'add-to-cart',
  'buy-intent',
  'order-page',
  'search',
] as const;
export type TouchpointType = (typeof TOUCHPOINT_TYPES)[number];

export interface Touchpoint {
  /** Unique id made where the touchpoint was observed, so a retried send can never duplicate it. */
  id: string;
  type: TouchpointType;
  /** When it happened, epoch milliseconds. */
  at: number;
  platform: PlatformId;
  surface: Surface;
  /** The page, stripped of query strings except what identifies the item (see utils/privacy). */
  pageUrl: string;
  itemId?: string;
  tags: TagId[];
  adKind?: AdKind;
  authorId?: string;
  productId?: string;
  shopId?: string;
  brand?: string;
  roomId?: string;
  /** Search keyword, for `search` touchpoints. */
  query?: string;
  /** Impression / live-leave: milliseconds the item was ≥ 50% in view (or the room open). */
  dwellMs?: number;
  /** Part of dwell with the tab active in a focused window, video playing, machine not idle. Milliseconds. */
  attentionMs?: number;
  /** Browsing session id; assigned by the background worker on arrival. */
  sessionId?: string;
  /** Provenance: which extension and definitions version recorded it, and the tab's navigation index. */
  extVersion?: string;
  definitionsVersion?: number;
  navIndex?: number;
}
