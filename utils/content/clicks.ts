/**
 * Commerce clicks: one delegated, capture-phase click listener for the whole document (capture, so a page handler
 * that stops propagation can't hide the click from us). The platform says what a click means; the touchpoint
 * carries the enclosing feed item's classification (tags, product, shop).
 *
 * Per click: the click kind, the enclosing item, the clicked product's id, the touchpoint. The document's feed
 * items are looked up once per synchronous run of clicks while the DOM is unchanged (dom-memo.ts: exact), and the
 * facts of the last URLs read are kept, so a burst of clicks costs little more than the touchpoints themselves.
 */
import type { ClassifiedItem } from '../model/tags';
import type { ClickKind } from '../platforms/types';
import { DomMemo } from './dom-memo';
import { guarded } from './guard';
import type { Session } from './session';

export function trackClicks(session: Session): void {
  const { ctx, platform } = session;
  const items = new DomMemo(document, () => indexItems(guarded('dom.findItems', () => platform.dom.findItems(document), [])));
  ctx.onInvalidated(() => items.drop());
  ctx.addEventListener(
    document,
    'click',
    (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      const kind: ClickKind | null = guarded('dom.clickKind', () => platform.dom.clickKind(target), null);
      // A click toward a live room is not yet an entry: the room page records 'live-enter' itself on arrival (and
      // 'live-leave' with dwell), so counting the click as well would credit every room visit twice.
      if (!kind || kind === 'live-enter') return;
      session.emit(kind, { ...pageFacts(session, kind), ...clickedProduct(session, kind, target) }, enclosingItem(session, items.get(), target));
    },
    { capture: true },
  );
}

type FoundItem = { el: Element; id: string | null };
/** The platform's feed items by element, with their place in its list. */
export type ItemIndex = Map<Element, FoundItem & { order: number }>;

export function indexItems(found: FoundItem[]): ItemIndex {
  const index: ItemIndex = new Map();
  found.forEach((f, order) => index.has(f.el) || index.set(f.el, { ...f, order }));
  return index;
}

/**
 * The item of the platform's list that contains the target, the first in list order when several do. Walking the
 * target's ancestors gives the same answer as scanning the list with `contains`, in the depth of the tree instead
 * of the length of the feed.
 */
export function itemContaining(items: ItemIndex, target: Element): FoundItem | undefined {
  let hit: (FoundItem & { order: number }) | undefined;
  for (let el: Element | null = target; el; el = el.parentElement) {
    const found = items.get(el);
    if (found && (!hit || found.order < hit.order)) hit = found;
  }
  return hit;
}

/** The feed item the click happened in (or the active one, for side panels outside the item's element). */
function enclosingItem(session: Session, items: ItemIndex, target: Element): ClassifiedItem | undefined {
  const hit = itemContaining(items, target) ?? guarded('dom.activeItem', () => session.platform.dom.activeItem(document), null);
  return hit ? session.itemFor(hit.el, hit.id) : undefined;
}

/**
 * A product click on a link names its own product (a live room's cart lists several; the item's first product
 * would be the wrong one): the product id in the link's URL, read the way a product page's URL is.
 */
function clickedProduct(session: Session, kind: ClickKind, target: Element): { productId?: string } {
  if (kind !== 'product-click') return {};
  const link = target.closest('a[href]');
  if (!link) return {};
  try {
    const productId = urlFacts(session, absoluteHref(link)).productId;
    return productId && /^\d{6,25}$/.test(productId) ? { productId } : {};
  } catch {
    return {};
  }
}

/** Where a link leads: an HTML link's own `href` is already resolved (against the document's base URL). */
function absoluteHref(link: Element): string {
  const own = (link as HTMLAnchorElement).href;
  return typeof own === 'string' ? own : new URL(link.getAttribute('href') ?? '', document.baseURI).href;
}

/** On a product page the product id comes from the URL; in a live room, the room id. */
function pageFacts(session: Session, kind: ClickKind): { productId?: string; roomId?: string } {
  if (session.surface === 'product-page' && (kind === 'buy-intent' || kind === 'add-to-cart')) {
    return { productId: urlFacts(session, session.pageUrl).productId };
  }
  if (session.surface === 'live-room') {
    // The URL has the room's number (web_rid); touchpoints name rooms by the room id, as live-enter does.
    const webRid = urlFacts(session, session.pageUrl).roomId;
    return { roomId: (webRid && session.roomIdsByWebRid.get(webRid)) ?? webRid };
  }
  return {};
}

/**
 * Ids in a page URL. The platform's `urlFacts` knows its own URLs; the generic fallbacks are the conventions the
 * platforms share: a product page's `id` parameter, a live room's number as the last path segment, a search
 * keyword as `/search/<keyword>` or a `q` / `keyword` parameter, an order page as `/order/` in the path.
 */
type UrlFacts = NonNullable<ReturnType<NonNullable<Session['platform']['urlFacts']>>>;

/** Facts of the last URLs read, per session (the oldest goes first): a function of the URL alone, so kept, frozen. */
const factsByUrl = new WeakMap<Session, Map<string, Readonly<UrlFacts>>>();
/** URLs whose facts are kept: a burst clicks the few product links on screen. Count. */
export const URL_FACTS_KEPT = 32;

export function urlFacts(session: Session, url: string): Readonly<UrlFacts> {
  let kept = factsByUrl.get(session);
  if (!kept) factsByUrl.set(session, (kept = new Map()));
  const known = kept.get(url);
  if (known) return known;
  const own = guarded('urlFacts', () => session.platform.urlFacts?.(url), undefined);
  const facts = Object.freeze({ ...genericUrlFacts(url), ...Object.fromEntries(Object.entries(own ?? {}).filter(([, v]) => v !== undefined)) });
  if (kept.size >= URL_FACTS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(url, facts);
  return facts;
}

function genericUrlFacts(url: string): UrlFacts {
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').filter(Boolean).pop();
    const searchPath = /\/search\/([^/]+)/.exec(u.pathname)?.[1];
    return {
      productId: u.searchParams.get('id') ?? undefined,
      roomId: last && /^\d+$/.test(last) ? last : undefined,
      query: searchPath ? decodeURIComponent(searchPath) : u.searchParams.get('q') ?? u.searchParams.get('keyword') ?? undefined,
      orderPage: /\/order\//.test(u.pathname),
    };
  } catch {
    return {};
  }
}
