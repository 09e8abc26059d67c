/**
 * Commerce clicks: one delegated, capture-phase click listener for the whole document (capture, so a page handler
 * that stops propagation can't hide the click from us). The platform says what a click means; the touchpoint
 * carries the enclosing feed item's classification (tags, product, shop).
 */
import type { ClassifiedItem } from '../model/tags';
import type { ClickKind } from '../platforms/types';
import { guarded } from './guard';
import type { Session } from './session';

export function trackClicks(session: Session): void {
  const { ctx, platform } = session;
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
      session.emit(kind, { ...pageFacts(session, kind), ...clickedProduct(session, kind, target) }, enclosingItem(session, target));
    },
    { capture: true },
  );
}

/** The feed item the click happened in (or the active one, for side panels outside the item's element). */
function enclosingItem(session: Session, target: Element): ClassifiedItem | undefined {
  const { platform } = session;
  const items = guarded('dom.findItems', () => platform.dom.findItems(document), []);
  const hit = items.find((i) => i.el.contains(target)) ?? guarded('dom.activeItem', () => platform.dom.activeItem(document), null);
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
    const productId = urlFacts(session, new URL(href, location.href).href).productId;
    return productId && /^\d{6,25}$/.test(productId) ? { productId } : {};
  } catch {
    return {};
  }
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

export function urlFacts(session: Session, url: string): UrlFacts {
  const own = guarded('urlFacts', () => session.platform.urlFacts?.(url), undefined);
  const known = Object.entries(own ?? {}).filter(([, v]) => v !== undefined);
  return { ...genericUrlFacts(url), ...Object.fromEntries(known) };
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
