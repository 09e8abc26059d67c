/**
 * Commerce clicks: one delegated, capture-phase click listener for the whole document (capture, so a page handler
 * that stops propagation can't hide the click from us). The platform says what a click means; the touchpoint
 * carries the enclosing feed item's classification (tags, product, shop).
 *
 * Per click: the click kind, the enclosing item, the clicked product's id, the touchpoint. The document's feed
 * items are looked up once per synchronous run of clicks while the DOM is unchanged (dom-memo.ts: exact), and the
 * last URL's facts are kept, so a burst of clicks costs little more than the touchpoints themselves.
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
 * The item of the platform's list that contains the target — the first in list order when several do — else
 * the active one (side panels outside the item's element). Walking the target's ancestors is the same answer as
 * scanning the list with `contains`, in the depth of the tree instead of the length of the feed.
 */
export function itemContaining(items: ItemIndex, target: Element): FoundItem | undefined {
  let hit: (FoundItem & { order: number }) | undefined;
  for (let el: Element | null = target; el; el = el.parentElement) {
    const found = items.get(el);
    if (found && (!hit || found.order < hit.order)) hit = found;
  }
  return hit;
}

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
  const href = target.closest('a[href]')?.getAttribute('href');
  if (!href) return {};
  try {
    const productId = urlFacts(session, resolvedHref(href)).productId;
    return productId && /^\d{6,25}$/.test(productId) ? { productId } : {};
  } catch {
    return {};
  }
}

/** A link's absolute URL; the last one is kept (a burst clicks one link). Throws on a malformed href. */
let lastHref: { href: string; base: string; url: string } | null = null;
function resolvedHref(href: string): string {
  const base = location.href;
  if (lastHref?.href !== href || lastHref.base !== base) lastHref = { href, base, url: new URL(href, base).href };
  return lastHref.url;
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

/** The last URL's facts, kept: they are a function of the URL alone. Frozen, as callers share it. */
let lastFacts: { session: Session; url: string; facts: Readonly<UrlFacts> } | null = null;

export function urlFacts(session: Session, url: string): Readonly<UrlFacts> {
  if (lastFacts?.url === url && lastFacts.session === session) return lastFacts.facts;
  const own = guarded('urlFacts', () => session.platform.urlFacts?.(url), undefined);
  const known = Object.entries(own ?? {}).filter(([, v]) => v !== undefined);
  const facts = Object.freeze({ ...genericUrlFacts(url), ...Object.fromEntries(known) });
  lastFacts = { session, url, facts };
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
