/**
 * The contract every platform folder (utils/platforms/<site>/) fulfils. Only utils/platforms/registry.ts imports a
 * site's folder; everything else talks to this interface.
 */
import type { FeedItem, PlatformId, Surface } from '../model/item';
import type { AdKind, Evidence } from '../model/tags';

/** Labels read off one feed item in the DOM: the fallback when no JSON was seen. */
export interface DomSignals {
  ad: Evidence[];
  shop: Evidence[];
  live: Evidence[];
  poi: Evidence[];
}

/** What a click on a page element means (content script → touchpoint type of the same name). */
export type ClickKind = 'product-click' | 'shop-open' | 'live-enter' | 'cart-open' | 'buy-intent' | 'add-to-cart';

export interface Platform {
  id: PlatformId;
  /** Content-script match patterns (one broad pattern per host; page kinds are re-checked on navigation). */
  matches: string[];
  /** Which surface a URL is, or null when the URL is not this platform's. Pure. */
  surfaceOf(url: string): Surface | null;
  /** Whether a request URL is one of the feed endpoints whose response holds items. Pure. */
  isItemEndpoint(url: string): boolean;
  /** The platform's own words for ad kinds on the overlay (Douyin's closed-loop ads are 千川 ads). */
  adKindWords?: Partial<Record<AdKind, string>>;
  /** One example URL per item endpoint, for tools that hold a response saved without its URL (the CLI). */
  endpointExamples: readonly string[];
  /** Items in one API response (already parsed). Pure; never throws on unknown shapes (returns what it can). */
  extractFromResponse(url: string, json: unknown): FeedItem[];
  /** Items in the data embedded in the first HTML (RENDER_DATA, __UNIVERSAL_DATA_FOR_REHYDRATION__ ...). */
  extractFromPage(doc: Document): FeedItem[];
  /**
   * What a stored page URL may keep, so privacy code never names a site: the query parameters that identify the
   * item on screen, per host suffix, and the path patterns whose 2nd group names a creator (hashed on export).
   */
  privacy: {
    itemQueryParams: ReadonlyArray<{ hostSuffix: string; params: readonly string[] }>;
    creatorInPath: readonly RegExp[];
  };
  dom: {
    /** Feed items now on screen, each with its id when the DOM gives it. */
    findItems(root: ParentNode): Array<{ el: Element; id: string | null }>;
    /**
     * Optional, with `itemId`: whether `el` itself is what findItems finds (nesting aside), and its id as findItems
     * gives it. Together they let a feed change be scanned where it happened (utils/content/item-scan.ts) instead
     * of across the whole document on every change.
     */
    isItem?(el: Element): boolean;
    itemId?(el: Element): string | null;
    /** The item playing now (the active slide), if any. */
    activeItem(root: ParentNode): { el: Element; id: string | null } | null;
    /** Ad / shop / live labels in one item's DOM. */
    signals(el: Element): DomSignals;
    /**
     * The box inside the item that the overlay's chips sit just above, clear of the player's controls, anchors and
     * description below it; the item itself puts them at its top-left corner (utils/content/overlay-position.ts).
     */
    overlayAnchor(el: Element): Element;
    /** Elements whose click is a product click / shop open / live entry; on a product page, a buy or add-to-cart. */
    clickKind(target: Element): ClickKind | null;
    /** Selectors that must match on a known page kind; used to detect layout drift. */
    expected(surface: Surface): Array<{ name: string; selector: string }>;
    /** Optional: whether the item's player is playing (for attention). Absent or throwing = assume playing. */
    isPlaying?(el: Element): boolean;
    /** Optional: the element that holds the feed, watched for item changes. Absent or null = document.body. */
    feedContainer?(root: ParentNode): Element | null;
    /**
     * Optional: attributes whose change can mean "another item is active" (`data-e2e`, …) or another id (those
     * `itemId` reads). Absent = a generic set (class, id, hidden, aria-hidden). Never `style`: players rewrite it
     * many times a second.
     */
    watchedAttributes?: string[];
  };
  /**
   * Optional: what a page's URL says (a live room's number, a product page's id, a search keyword, whether it is
   * an order confirmation page). Absent = generic URL conventions (see utils/content/clicks.ts).
   */
  urlFacts?(url: string): { roomId?: string; productId?: string; query?: string; orderPage?: boolean };
}
