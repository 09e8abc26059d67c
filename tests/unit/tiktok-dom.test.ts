import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { classifyDom } from '../../utils/classify';
import { tiktok } from '../../utils/platforms/tiktok';

const PAGE = readFileSync(path.resolve(__dirname, '../fixtures/tiktok/for-you-page.html'), 'utf8');
const { dom } = tiktok;

beforeEach(() => {
  document.documentElement.innerHTML = new DOMParser().parseFromString(PAGE, 'text/html').documentElement.innerHTML;
});

const itemAt = (i: number) => dom.findItems(document)[i];
const domTags = (i: number) => classifyDom('tiktok', itemAt(i).id ?? 'x', dom.signals(itemAt(i).el)).tags.map((t) => t.id);

describe('TikTok feed DOM (tests/fixtures/tiktok/for-you-page.html)', () => {
  it('finds every article once, each with its id from the player wrapper (xgwrapper-0-<id>)', () => {
    expect(dom.findItems(document).map((i) => i.id)).toEqual(['7460000000000000001', '7460000000000000002', '7460000000000000003', '7460000000000000004', '7460000000000000007']);
  });

  it('an item without a mounted player has no id (never a guessed one)', () => {
    document.getElementById('xgwrapper-0-7460000000000000001')!.remove();
    expect(itemAt(0).id).toBeNull();
  });

  it('the feed container is #column-list-container', () => {
    expect(dom.feedContainer?.(document)?.id).toBe('column-list-container');
  });

  it('a plain video shows no label', () => {
    expect(domTags(0)).toEqual([]);
  });

  it('Sponsored label and CTA are ad evidence', () => {
    const s = dom.signals(itemAt(1).el);
    expect(s.ad.map((e) => e.field)).toEqual(['[data-e2e="ad-tag"]', '[data-e2e="ttam-ads-cta"]']);
    expect(domTags(1)).toEqual(['ad']);
  });

  it('a TikTok Shop product link is shop evidence', () => {
    expect(domTags(2)).toEqual(['shop']);
    expect(dom.signals(itemAt(2).el).shop[0].value).toContain('/view/product/1729384756102938475');
  });

  it('a paid-partnership disclosure (sponsored-tag) is NOT an ad and sets no tag', () => {
    expect(dom.signals(itemAt(3).el)).toEqual({ ad: [], shop: [], live: [], poi: [] });
  });

  it('a LIVE tag ([class*="DivLiveTag"]) is live; the older data-e2e live-tag too', () => {
    expect(domTags(4)).toEqual(['live']);
    const old = document.createElement('span');
    old.setAttribute('data-e2e', 'live-tag');
    itemAt(0).el.appendChild(old);
    expect(domTags(0)).toEqual(['live']);
  });

  it('the active item is the one whose video plays, else the first with a player', () => {
    expect(dom.activeItem(document)?.id).toBe('7460000000000000001');
    const video = document.createElement('video');
    Object.defineProperty(video, 'paused', { value: false });
    document.getElementById('xgwrapper-0-7460000000000000003')!.appendChild(video);
    expect(dom.activeItem(document)?.id).toBe('7460000000000000003');
  });

  it('click kinds: product link, LIVE entry, buy and add-to-cart on a product page', () => {
    expect(dom.clickKind(itemAt(2).el.querySelector('a[href*="/view/product/"]')!)).toBe('product-click');
    expect(dom.clickKind(itemAt(4).el.querySelector('a[href$="/live"]')!)).toBe('live-enter');
    expect(dom.clickKind(itemAt(0).el.querySelector('a')!)).toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<button id="buy"><span>Buy now</span></button><button id="cart">Add to cart</button>');
    expect(dom.clickKind(document.querySelector('#buy span')!)).toBe('buy-intent');
    expect(dom.clickKind(document.getElementById('cart')!)).toBe('add-to-cart');
  });

  it('the For You page meets its expected selectors (layout drift check)', () => {
    for (const { selector } of dom.expected('recommend')) expect(document.querySelector(selector), selector).not.toBeNull();
    expect(dom.expected('other')).toEqual([]);
  });
});
