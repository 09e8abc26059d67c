import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClassifiedItem } from '@/utils/model/tags';
import type { Platform } from '@/utils/platforms/types';
import { OverlayController } from '@/utils/content/overlay-mount';
import { watchMotion } from '@/utils/content/motion';
import { transition } from './dom-events';
import { CHIP_ROW_PX, GAP_PX, INSET_PX } from '@/utils/content/overlay-position';
import type { Session } from '@/utils/content/session';

const item = (id: string, tags: ClassifiedItem['tags'], adKind?: ClassifiedItem['adKind']): ClassifiedItem => ({ platform: 'douyin', id, format: 'video', source: 'api', tags, adKind, productIds: [], shopIds: [] });
const tag = (id: ClassifiedItem['tags'][number]['id'], kind?: string) => ({ id, kind, confidence: 0.9, evidence: [] });

/** Give an element a box on screen (happy-dom lays nothing out). */
function boxAt(el: Element, left: number, top: number, width: number, height: number): void {
  el.getBoundingClientRect = () => ({ left, top, right: left + width, bottom: top + height, width, height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
}

function setup() {
  const ctx = new ContentScriptContext('overlay-test');
  document.body.innerHTML = '<div id="list"><div id="a"><div class="info"></div></div><div id="b"><div class="info"></div></div></div>';
  const platform = { dom: { overlayAnchor: (el: Element) => el.querySelector('.info') ?? el } } as unknown as Platform;
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 1000 });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 800 });
  // Both items on screen, one above the other; each anchor 100 px above its item's bottom.
  for (const [id, top] of [['a', 0], ['b', 400]] as const) {
    const el = document.getElementById(id)!;
    boxAt(el, 0, top, 600, 400);
    boxAt(el.querySelector('.info')!, 20, top + 300, 300, 80);
  }
  return { ctx, overlay: new OverlayController({ ctx, platform } as unknown as Session, watchMotion(ctx)) };
}
const hosts = () => [...document.querySelectorAll('[data-guangjie-item]')];
/** The shadow root's positioned box, and where it is. */
const box = (host: Element) => host.shadowRoot!.querySelector('html') as HTMLElement;
// Hidden is hidden both ways: not visible, and out of the frame (display: none), so its layer costs nothing.
const where = (host: Element) => {
  const { transform, visibility, display } = box(host).style;
  expect(display === 'none').toBe(visibility === 'hidden');
  return { transform, visibility };
};

describe('overlay mounting', () => {
  it('mounts one host outside the feed, carrying item id, ordered tags and ad kind', async () => {
    const { ctx, overlay } = setup();
    await overlay.show(document.getElementById('a')!, item('1', [tag('live'), tag('ad', 'brand'), tag('shop')], 'brand'));
    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    expect(host.parentElement).toBe(document.documentElement);
    expect(document.getElementById('list')!.contains(host)).toBe(false);
    expect(host.getAttribute('data-guangjie-item')).toBe('1');
    expect(host.getAttribute('data-guangjie-tags')).toBe('shop ad live');
    expect(host.getAttribute('data-guangjie-ad-kind')).toBe('brand');
    expect(host.shadowRoot!.querySelectorAll('.gj-chip')).toHaveLength(3);
    expect(box(host).style.position).toBe('fixed');
    ctx.abort();
  });

  it('puts the chips just above the anchor of the active item, and follows the next item there', async () => {
    const { ctx, overlay } = setup();
    await overlay.show(document.getElementById('a')!, item('2', [tag('shop')]));
    const host = hosts()[0];
    expect(where(host)).toEqual({ transform: `translate(${20}px, ${300 - GAP_PX - CHIP_ROW_PX}px)`, visibility: 'visible' });
    await overlay.show(document.getElementById('b')!, item('3', [tag('poi')]));
    expect(hosts()).toEqual([host]); // the same host: nothing was moved in the page
    expect(host.getAttribute('data-guangjie-item')).toBe('3');
    expect(where(host)).toEqual({ transform: `translate(${20}px, ${700 - GAP_PX - CHIP_ROW_PX}px)`, visibility: 'visible' });
    ctx.abort();
  });

  it('an item out of view shows no chips, until it is in view', async () => {
    const { ctx, overlay } = setup();
    const b = document.getElementById('b')!;
    boxAt(b, 0, 800, 600, 400); // just below the viewport
    await overlay.show(b, item('4', [tag('shop')]));
    const host = hosts()[0];
    expect(where(host).visibility).toBe('hidden');
    boxAt(b, 0, 0, 600, 400);
    boxAt(b.querySelector('.info')!, 20, 300, 300, 80);
    await overlay.show(b, item('4', [tag('shop')])); // the settle check
    expect(where(host)).toEqual({ transform: `translate(20px, ${300 - GAP_PX - CHIP_ROW_PX}px)`, visibility: 'visible' });
    ctx.abort();
  });

  it('hides the chips while a slide carrying the item moves, and places them once it has stopped', async () => {
    const { ctx, overlay } = setup();
    const list = document.getElementById('list')!;
    const a = document.getElementById('a')!;
    await overlay.show(a, item('5', [tag('shop')]));
    const host = hosts()[0];
    transition('transitionrun', list, 'background-color'); // not a move
    expect(where(host).visibility).toBe('visible');
    transition('transitionrun', list);
    expect(where(host).visibility).toBe('hidden');
    await overlay.show(a, item('5', [tag('shop')])); // a check while it moves keeps them hidden
    expect(where(host).visibility).toBe('hidden');
    boxAt(a, 0, -100, 600, 400);
    boxAt(a.querySelector('.info')!, 20, 200, 300, 80);
    transition('transitionend', list);
    await new Promise((r) => setTimeout(r, 5)); // placed in a task after the frame
    expect(where(host)).toEqual({ transform: `translate(20px, ${200 - GAP_PX - CHIP_ROW_PX}px)`, visibility: 'visible' });
    ctx.abort();
  });

  it('waits for a move that began before its item became the active one (TikTok picks the item nearest the middle)', async () => {
    const { ctx, overlay } = setup();
    const [a, b] = [document.getElementById('a')!, document.getElementById('b')!];
    await overlay.show(a, item('15', [tag('shop')]));
    transition('transitionrun', b, 'top'); // b starts sliding up while a is still the active item
    const host = hosts()[0];
    expect(where(host).visibility).toBe('visible');
    await overlay.show(b, item('16', [tag('ad')])); // halfway, b is found active
    expect(where(host).visibility).toBe('hidden');
    const tagsShown = () => [...host.shadowRoot!.querySelectorAll('[data-tag]')].map((el) => el.getAttribute('data-tag'));
    expect(host.getAttribute('data-guangjie-item')).toBe('16'); // the host says which item is active at once,
    expect(tagsShown()).toEqual(['shop']); // the hidden chips are patched only once they can be seen
    boxAt(b, 0, 0, 600, 400);
    boxAt(b.querySelector('.info')!, 20, 300, 300, 80);
    transition('transitionend', b, 'top');
    await new Promise((r) => setTimeout(r, 5));
    expect(where(host)).toEqual({ transform: `translate(20px, ${300 - GAP_PX - CHIP_ROW_PX}px)`, visibility: 'visible' });
    expect(tagsShown()).toEqual(['ad']);
    ctx.abort();
  });

  it('places the chips again on scroll; with no anchor row room, at the visible top-left corner', async () => {
    const { ctx, overlay } = setup();
    const a = document.getElementById('a')!;
    await overlay.show(a, item('6', [tag('shop')]));
    const host = hosts()[0];
    boxAt(a, 0, -350, 600, 400); // scrolled: only its bottom 50 px are in view, the anchor row is not
    boxAt(a.querySelector('.info')!, 20, -50, 300, 80);
    document.dispatchEvent(new Event('scroll'));
    expect(where(host)).toEqual({ transform: `translate(${INSET_PX}px, ${INSET_PX}px)`, visibility: 'visible' });
    ctx.abort();
  });

  it('updates in place when JSON replaces a DOM guess; hide() removes the host', async () => {
    const { ctx, overlay } = setup();
    const a = document.getElementById('a')!;
    await overlay.show(a, { ...item('7', []), source: 'dom' });
    const first = hosts()[0];
    expect(first.getAttribute('data-guangjie-tags')).toBe('');
    overlay.update(item('7', [tag('poi')]));
    expect(hosts()[0]).toBe(first);
    expect(first.getAttribute('data-guangjie-tags')).toBe('poi');
    expect(first.hasAttribute('data-guangjie-ad-kind')).toBe(false);
    overlay.hide();
    expect(hosts()).toHaveLength(0);
    ctx.abort();
    // Nothing follows the page once the script is gone.
    expect(() => document.dispatchEvent(new Event('scroll'))).not.toThrow();
  });

  it('a slow mount that lost the race to a newer one leaves no second host', async () => {
    const { ctx, overlay } = setup();
    const p1 = overlay.show(document.getElementById('a')!, item('8', []));
    const p2 = overlay.show(document.getElementById('b')!, item('9', []));
    await Promise.all([p1, p2]);
    expect(hosts().map((h) => h.getAttribute('data-guangjie-item'))).toEqual(['9']);
    ctx.abort();
  });

  it('an equal classification of the same element (a DOM guess made anew) changes nothing in the shadow root', async () => {
    const { ctx, overlay } = setup();
    const a = document.getElementById('a')!;
    await overlay.show(a, { ...item('10', [tag('shop')]), source: 'dom' });
    const shadow = hosts()[0].shadowRoot!;
    const seen: MutationRecord[] = [];
    const mo = new MutationObserver((r) => seen.push(...r));
    mo.observe(shadow, { subtree: true, childList: true, attributes: true, characterData: true });
    await overlay.show(a, { ...item('10', [tag('shop')]), source: 'dom' });
    await Promise.resolve();
    expect(seen).toEqual([]);
    mo.disconnect();
    ctx.abort();
  });

  it('moving on reuses the chips of tags both items have, and closes an open evidence panel', async () => {
    const { ctx, overlay } = setup();
    await overlay.show(document.getElementById('a')!, item('11', [tag('shop'), tag('ad', 'brand')], 'brand'));
    const host = hosts()[0];
    const shopChip = host.shadowRoot!.querySelector('[data-tag="shop"]');
    act(() => host.shadowRoot!.querySelector<HTMLButtonElement>('[data-tag="ad"]')!.click());
    expect(host.shadowRoot!.querySelector('.gj-panel')).not.toBeNull();
    await overlay.show(document.getElementById('b')!, item('12', [tag('shop')]));
    expect(hosts()).toEqual([host]);
    expect(host.shadowRoot!.querySelector('[data-tag="shop"]')).toBe(shopChip);
    expect(host.shadowRoot!.querySelector('[data-tag="ad"]')).toBeNull();
    expect(host.shadowRoot!.querySelector('.gj-panel')).toBeNull();
    ctx.abort();
  });

  it('opens the panel above the chips when they sit in the lower half of the viewport', async () => {
    const { ctx, overlay } = setup();
    await overlay.show(document.getElementById('a')!, item('13', [tag('shop')])); // chips at y = 270 of 800
    const host = hosts()[0];
    expect(host.shadowRoot!.querySelector('.gj-overlay')!.classList.contains('gj-panel-above')).toBe(false);
    await overlay.show(document.getElementById('b')!, item('14', [tag('shop')])); // chips at y = 670
    expect(host.shadowRoot!.querySelector('.gj-overlay')!.classList.contains('gj-panel-above')).toBe(true);
    ctx.abort();
  });
});
