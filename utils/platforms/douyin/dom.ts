/** The `dom` part of the Douyin platform: items on screen, their labels, and click kinds. Mark, never remove. */
import type { Surface } from '../../model/item';
import type { Evidence } from '../../model/tags';
import type { DomSignals, Platform } from '../types';
import * as S from './selectors';
import { clickedButtonWords, videoPlaying } from '../kit/dom';

/** The 广告 label, and its size as an unlabelled svg in the account row (width × height in CSS px). */
export const AD_LABEL_TEXT = '广告';
export const AD_SVG_SIZE_PX = { width: 30, height: 16 } as const;

function idOf(el: Element): string | null {
  for (const attr of S.itemIdAttributes) {
    const v = el.getAttribute(attr) ?? el.querySelector(`[${attr}]`)?.getAttribute(attr);
    if (v && /^\d{6,25}$/.test(v)) return v;
  }
  const cls = [...el.classList].find((c) => /^video_\d{6,25}$/.test(c));
  if (cls) return cls.slice('video_'.length);
  const link = el.querySelector('a[href*="/video/"], a[href*="/note/"]')?.getAttribute('href') ?? '';
  const m = link.match(/\/(?:video|note)\/(\d{6,25})/);
  return m ? m[1] : null;
}

/** The item id a page URL names: the modal player's `modal_id=`, or the `/video/<id>` / `/note/<id>` page. */
function idFromUrl(el: Element): string | null {
  const href = el.ownerDocument?.defaultView?.location?.href;
  if (!href) return null;
  try {
    const u = new URL(href);
    const modal = u.searchParams.get('modal_id');
    if (modal && /^\d{6,25}$/.test(modal)) return modal;
    return /^\/(?:video|note)\/(\d{6,25})\/?$/.exec(u.pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Layout-drift fallback: the element carrying an item id that covers the middle of the viewport (a vertical feed's
 * playing slide fills it), whatever its classes. Only ids: its tags then come from the JSON already captured.
 */
function itemAtViewportCentre(root: ParentNode): { el: Element; id: string | null } | null {
  const doc = root instanceof Document ? root : (root as Node).ownerDocument;
  const win = doc?.defaultView;
  if (!doc || !win || typeof doc.elementFromPoint !== 'function') return null;
  const el = doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2)?.closest(S.idCarrier);
  const id = el ? idOf(el) : null;
  return el && id ? { el, id } : null;
}

/** An item element's id; a detail page or the modal player holds links to related videos, so its own id is the URL's. */
const itemId = (el: Element): string | null => (el.matches(S.idInUrl) ? idFromUrl(el) : null) ?? idOf(el);

const ev = (field: string, value: string, note?: string): Evidence => (note ? { source: 'dom', field, value, note } : { source: 'dom', field, value });

/** An element whose own text (not its children's) is exactly 广告. */
function adTextLabel(el: Element): Element | null {
  for (const span of el.querySelectorAll('span, div')) {
    const own = [...span.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
    if (own === AD_LABEL_TEXT) return span;
  }
  return null;
}

function adSvg(el: Element): Element | null {
  const row = S.first(el, S.accountRow);
  if (!row) return null;
  for (const svg of row.querySelectorAll('svg')) {
    const w = Number(svg.getAttribute('width'));
    const h = Number(svg.getAttribute('height'));
    const beside = svg.parentElement && S.first(svg.parentElement, S.coCreatorBeside);
    if (w === AD_SVG_SIZE_PX.width && h === AD_SVG_SIZE_PX.height && !beside && !svg.getAttribute('aria-label')) return svg;
  }
  return null;
}

/** Button words on a product page (2020–2026 haohuo / jinritemai pages). */
export const BUY_WORDS = ['立即购买', '立即抢购', '马上抢'] as const;
export const CART_WORDS = ['加入购物车', '加购物车'] as const;

export function signals(el: Element): DomSignals {
  const out: DomSignals = { ad: [], shop: [], live: [], poi: [] };
  if (adTextLabel(el)) out.ad.push(ev('text', AD_LABEL_TEXT, 'the 广告 label shown on the item'));
  if (adSvg(el)) out.ad.push(ev('.video-info-detail .account svg', '30×16', 'unlabelled ad badge in the account row'));
  const anchor = S.first(el, S.shopAnchor);
  if (anchor) out.shop.push(ev(anchor.matches('.xgplayer-shop-anchor') ? '.xgplayer-shop-anchor' : '#videoSideBar iframe', (anchor.textContent ?? '').trim().slice(0, 40) || 'present', 'product anchor'));
  for (const a of S.all(el, S.shopLink)) out.shop.push(ev('a[href*="jinritemai"|"haohuo"]', a.getAttribute('href') ?? '', 'link to a Douyin shop product'));
  if (S.first(el, S.yellowCart)) out.shop.push(ev('[data-e2e="yellowCart-container"]', 'present', 'yellow cart: the room sells'));
  if ((el.textContent ?? '').includes('全部商品')) out.shop.push(ev('text', '全部商品', 'all-products entry: the room sells'));
  const live = el.matches('[data-e2e="feed-live"], [data-e2e="live-slider"], [data-e2e="living-container"]') ? el : S.first(el, S.liveCard);
  if (live) out.live.push(ev('[data-e2e="feed-live"]', live.getAttribute('data-e2e') ?? 'live card', 'live card'));
  return out;
}

export const dom: Platform['dom'] = {
  findItems(root) {
    // The outermost matches: a slide wrapper and the video inside it are one item.
    return S.outermost(root, S.feedItem).map((el) => ({ el, id: itemId(el) }));
  },
  isItem: (el) => S.matchesAny(el, S.feedItem),
  itemId,
  // The playing item (feed slide, modal player, detail page, live room), else the grid card under the pointer,
  // else (layout drift) whatever item id covers the middle of the viewport.
  activeItem(root) {
    const el = S.first(root, S.activeItem);
    if (el) return { el, id: itemId(el) };
    const card = S.first(root, S.hoveredCard);
    if (card) return { el: card, id: idOf(card) };
    return itemAtViewportCentre(root);
  },
  signals,
  overlayAnchor(el) {
    return S.first(el, S.overlaySlot) ?? el;
  },
  clickKind(target) {
    const hit = (sel: string) => target.closest(sel) !== null;
    // Product pages (*.jinritemai.com): the buy / add-to-cart buttons are known only by their words.
    const { button, words } = clickedButtonWords(target, 'none'); // Chinese button words: spacing carries no meaning
    if (button && BUY_WORDS.some((w) => words.includes(w))) return 'buy-intent';
    if (button && CART_WORDS.some((w) => words.includes(w))) return 'add-to-cart';
    if (hit('[data-e2e="yellowCart-container"]')) return 'cart-open';
    if (hit('.xgplayer-shop-anchor, a[href*="haohuo"], a[href*="jinritemai"], #videoSideBar')) return 'product-click';
    if (hit('a[href*="/user/"][data-e2e*="shop"], a[href*="store"], a[href*="shop"]')) return 'shop-open';
    if (hit('a[href*="live.douyin.com"], [data-e2e="feed-live"], [data-e2e="live-slider"]')) return 'live-enter';
    return null;
  },
  expected(surface: Surface) {
    return [...(S.expectedBySurface[surface] ?? [])];
  },
  isPlaying: videoPlaying,
  feedContainer(root) {
    return S.first(root, S.feedContainer);
  },
  // `data-e2e` flips between feed-video and feed-active-video when the next item plays; the rest are where an
  // item's id is read from (a recycled element shows another item by them).
  watchedAttributes: ['data-e2e', 'class', ...S.itemIdAttributes, 'href'],
};
