import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClassifiedItem } from '@/utils/model/tags';
import type { Platform } from '@/utils/platforms/types';
import { OverlayController } from '@/utils/content/overlay-mount';
import type { Session } from '@/utils/content/session';

const item = (id: string, tags: ClassifiedItem['tags'], adKind?: ClassifiedItem['adKind']): ClassifiedItem => ({ platform: 'douyin', id, format: 'video', source: 'api', tags, adKind, productIds: [], shopIds: [] });
const tag = (id: ClassifiedItem['tags'][number]['id'], kind?: string) => ({ id, kind, confidence: 0.9, evidence: [] });

function setup() {
  const ctx = new ContentScriptContext('overlay-test');
  document.body.innerHTML = '<div id="a"><div class="info"></div></div><div id="b"><div class="info"></div></div>';
  const platform = { dom: { overlayAnchor: (el: Element) => el.querySelector('.info') } } as unknown as Platform;
  return { ctx, overlay: new OverlayController({ ctx, platform } as unknown as Session) };
}
const hosts = () => [...document.querySelectorAll('[data-guangjie-item]')];

describe('overlay mounting', () => {
  it('mounts one host at the top of the anchor, carrying item id, ordered tags and ad kind', async () => {
    const { ctx, overlay } = setup();
    await overlay.show(document.getElementById('a')!, item('1', [tag('live'), tag('ad', 'brand'), tag('shop')], 'brand'));
    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    expect(host.parentElement!.className).toBe('info');
    expect(host.parentElement!.firstElementChild).toBe(host);
    expect(host.getAttribute('data-guangjie-item')).toBe('1');
    expect(host.getAttribute('data-guangjie-tags')).toBe('shop ad live');
    expect(host.getAttribute('data-guangjie-ad-kind')).toBe('brand');
    expect(host.shadowRoot!.querySelectorAll('.gj-chip')).toHaveLength(3);
    ctx.abort();
  });

  it('updates in place when JSON replaces a DOM guess, and moves when the active item changes', async () => {
    const { ctx, overlay } = setup();
    const a = document.getElementById('a')!;
    await overlay.show(a, { ...item('2', []), source: 'dom' });
    expect(hosts()[0].getAttribute('data-guangjie-tags')).toBe('');
    const first = hosts()[0];
    await overlay.show(a, item('2', [tag('poi')]));
    expect(hosts()[0]).toBe(first);
    expect(first.getAttribute('data-guangjie-tags')).toBe('poi');
    expect(first.hasAttribute('data-guangjie-ad-kind')).toBe(false);
    await overlay.show(document.getElementById('b')!, item('3', []));
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0].closest('#b')).not.toBeNull();
    overlay.hide();
    expect(hosts()).toHaveLength(0);
    ctx.abort();
  });

  it('a slow mount that lost the race to a newer one leaves no second host', async () => {
    const { ctx, overlay } = setup();
    const p1 = overlay.show(document.getElementById('a')!, item('4', []));
    const p2 = overlay.show(document.getElementById('b')!, item('5', []));
    await Promise.all([p1, p2]);
    expect(hosts().map((h) => h.getAttribute('data-guangjie-item'))).toEqual(['5']);
    ctx.abort();
  });

  it('an equal classification of the same element (a DOM guess made anew) changes nothing in the shadow root', async () => {
    const { ctx, overlay } = setup();
    const a = document.getElementById('a')!;
    await overlay.show(a, { ...item('6', [tag('shop')]), source: 'dom' });
    const shadow = hosts()[0].shadowRoot!;
    const seen: MutationRecord[] = [];
    const mo = new MutationObserver((r) => seen.push(...r));
    mo.observe(shadow, { subtree: true, childList: true, attributes: true, characterData: true });
    await overlay.show(a, { ...item('6', [tag('shop')]), source: 'dom' });
    await Promise.resolve();
    expect(seen).toEqual([]);
    mo.disconnect();
    ctx.abort();
  });

  it('moving on reuses the host and the chips of tags both items have, and closes an open evidence panel', async () => {
    const { ctx, overlay } = setup();
    await overlay.show(document.getElementById('a')!, item('7', [tag('shop'), tag('ad', 'brand')], 'brand'));
    const host = hosts()[0];
    const shopChip = host.shadowRoot!.querySelector('[data-tag="shop"]');
    act(() => host.shadowRoot!.querySelector<HTMLButtonElement>('[data-tag="ad"]')!.click());
    expect(host.shadowRoot!.querySelector('.gj-panel')).not.toBeNull();
    await overlay.show(document.getElementById('b')!, item('8', [tag('shop')]));
    expect(hosts()).toEqual([host]);
    expect(host.closest('#b')).not.toBeNull();
    expect(host.shadowRoot!.querySelector('[data-tag="shop"]')).toBe(shopChip);
    expect(host.shadowRoot!.querySelector('[data-tag="ad"]')).toBeNull();
    expect(host.shadowRoot!.querySelector('.gj-panel')).toBeNull();
    ctx.abort();
  });

  it("reads an anchor's computed position once per kind of anchor, not once per item", async () => {
    const { ctx, overlay } = setup();
    const read = vi.spyOn(window, 'getComputedStyle');
    await overlay.show(document.getElementById('a')!, item('9', []));
    await overlay.show(document.getElementById('b')!, item('10', []));
    await overlay.show(document.getElementById('a')!, item('11', []));
    expect(read).toHaveBeenCalledTimes(1);
    read.mockRestore();
    ctx.abort();
  });
});
