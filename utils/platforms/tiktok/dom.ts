/**
 * The `dom` part of the TikTok platform: items on screen, their labels, and click kinds. Mark, never remove.
 *
 * Labels: `[data-e2e="ad-tag"]` (Sponsored) and the ad's CTA are **ad**; a LIVE tag is **live**; a TikTok Shop
 * product link is **shop**. `[data-e2e="sponsored-tag"]` is a creator's *paid partnership* disclosure, not an ad:
 * it sets no tag (DomSignals has ad / shop / live / poi only, and a partnership is none of them; see docs/TAGS.md).
 */
import type { Surface } from '../../model/item';
import type { Evidence } from '../../model/tags';
import type { DomSignals, Platform } from '../types';
import * as S from './selectors';
import { clickedButtonWords, videoPlaying } from '../kit/dom';

/** Button words on a TikTok Shop product page (2025–26, English UI). */
export const BUY_WORDS = ['Buy now', 'Buy with', 'Checkout'] as const;
export const CART_WORDS = ['Add to cart'] as const;

/** The item id from the player wrapper inside (or being) the item; null when the player is not mounted. */
export function itemIdOf(el: Element): string | null {
  const wrapper = el.matches('[id^="xgwrapper-"]') ? el : S.first(el, S.playerWrapper);
  const m = wrapper ? S.PLAYER_ID.exec(wrapper.id) : null;
  if (m) return m[1];
  // Profile and search cards link to the video instead.
  const link = el.querySelector('a[href*="/video/"]')?.getAttribute('href') ?? '';
  return /\/video\/(\d{6,25})/.exec(link)?.[1] ?? null;
}

const ev = (field: string, value: string, note: string): Evidence => ({ source: 'dom', field, value, note });
const text = (el: Element): string => (el.textContent ?? '').trim().slice(0, 40);

export function signals(el: Element): DomSignals {
  const out: DomSignals = { ad: [], shop: [], live: [], poi: [] };
  const ad = S.first(el, S.adTag);
  if (ad) out.ad.push(ev('[data-e2e="ad-tag"]', text(ad) || 'present', 'the Sponsored label of a paid ad'));
  const cta = S.first(el, S.adCta);
  if (cta) out.ad.push(ev('[data-e2e="ttam-ads-cta"]', text(cta) || 'present', "the ad's call-to-action button"));
  const live = S.first(el, S.liveTag);
  if (live) out.live.push(ev(live.matches('[data-e2e="live-tag"]') ? '[data-e2e="live-tag"]' : '[class*="DivLiveTag"]', text(live) || 'LIVE', 'LIVE tag'));
  for (const a of S.all(el, S.productLink)) out.shop.push(ev('a[href*="/view/product/"|"/pdp/"]', a.getAttribute('href') ?? '', 'link to a TikTok Shop product'));
  return out;
}

/** Whether an element's box covers the viewport's vertical middle (the item the feed has snapped to). */
function atViewportMiddle(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const middle = (globalThis.innerHeight || 0) / 2;
  return r.height > 0 && r.top <= middle && r.bottom > middle;
}

function findItems(root: ParentNode): Array<{ el: Element; id: string | null }> {
  // The outermost matches: an article and a container inside it are one item.
  return S.outermost(root, S.feedItem).map((el) => ({ el, id: itemIdOf(el) }));
}

export const dom: Platform['dom'] = {
  findItems,
  isItem: (el) => S.matchesAny(el, S.feedItem),
  itemId: itemIdOf,
  /** The item whose video plays; else the one at the viewport's middle; else the first with a player. */
  activeItem(root) {
    const items = findItems(root);
    const playing = items.find((i) => [...i.el.querySelectorAll('video')].some((v) => !v.paused));
    const pick = playing ?? items.find((i) => atViewportMiddle(i.el)) ?? items.find((i) => S.first(i.el, S.playerWrapper));
    return pick ?? null;
  },
  signals,
  overlayAnchor(el) {
    return el;
  },
  clickKind(target) {
    const hit = (sel: string) => target.closest(sel) !== null;
    const { button, words } = clickedButtonWords(target);
    if (button && BUY_WORDS.some((w) => words.includes(w))) return 'buy-intent';
    if (button && CART_WORDS.some((w) => words.includes(w))) return 'add-to-cart';
    if (hit('a[href*="/view/product/"], a[href*="/pdp/"]')) return 'product-click';
    if (hit('a[href*="/shop/store/"], a[href*="shop.tiktok.com"]')) return 'shop-open';
    if (hit('a[href$="/live"], a[href*="/live?"], [class*="DivLiveTag"], [data-e2e="live-tag"]')) return 'live-enter';
    return null;
  },
  expected(surface: Surface) {
    return [...(S.expectedBySurface[surface] ?? [])];
  },
  isPlaying: videoPlaying,
  feedContainer(root) {
    return S.first(root, S.feedContainer);
  },
  // Items are recycled: the player wrapper's id changes when an article shows another item (a card's link, `href`).
  watchedAttributes: ['id', 'class', 'data-scroll-index', 'href'],
};
