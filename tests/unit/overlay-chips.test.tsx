import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Overlay } from '@/components/overlay/Overlay';
import { overlayLang } from '@/components/overlay/labels';
import type { ClassifiedItem } from '@/utils/model/tags';

const item: ClassifiedItem = {
  platform: 'douyin',
  id: '7400000000000000001',
  format: 'video',
  source: 'api',
  adKind: 'closed-loop-product',
  productIds: ['3600000000000000001'],
  shopIds: [],
  tags: [
    { id: 'shop', kind: 'product-anchor', confidence: 0.95, evidence: [{ source: 'api', field: 'promotions[0].product_id', value: '3600000000000000001' }] },
    { id: 'ad', kind: 'closed-loop-product', confidence: 0.95, evidence: [{ source: 'api', field: 'is_ads', value: 'true', note: 'explicit ad flag' }] },
    { id: 'top-kol', confidence: 0.6, evidence: [{ source: 'api', field: 'author.follower_count', value: '3200000' }] },
  ],
};

let root: HTMLElement;
const mount = (it: ClassifiedItem) => {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Overlay item={it} />, root));
};
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('overlay chips', () => {
  it('shows one chip per tag in TAG_IDS order, the ad chip with its kind word, letters with tooltips', () => {
    mount(item);
    const chips = [...root.querySelectorAll<HTMLButtonElement>('.gj-chip')];
    expect(chips.map((c) => c.dataset.tag)).toEqual(['shop', 'ad', 'top-kol']);
    expect(chips[0].textContent).toBe('🛒Shop');
    expect(chips[1].textContent).toBe('📢Ad闭环·商品'); // neutral word: no platform named its ad system
    expect(chips[2].textContent).toBe('TTop KOL');
    expect(chips[2].title).toMatch(/Top KOL/);
  });

  it('writes the chip words in Chinese for a Chinese browser', () => {
    render(<Overlay item={item} lang={overlayLang('zh-CN')} adWords={{ 'closed-loop-product': '千川·商品' }} />, root);
    const chips = [...root.querySelectorAll<HTMLButtonElement>('.gj-chip')];
    expect(chips.map((c) => c.textContent)).toEqual(['🛒带货', '📢广告千川·商品', 'T头部达人']);
    expect(overlayLang('en-US')).toBe('en');
  });

  it('opens the evidence panel on a chip click and closes it on a second click', () => {
    mount(item);
    const ad = root.querySelector<HTMLButtonElement>('[data-tag="ad"]')!;
    act(() => ad.click());
    const panel = root.querySelector('.gj-panel')!;
    expect(panel.textContent).toContain('is_ads');
    expect(panel.textContent).toContain('true');
    expect(panel.textContent).toContain('explicit ad flag');
    expect(panel.textContent).toContain('api');
    expect(panel.textContent).toContain('confidence 95%');
    act(() => ad.click());
    expect(root.querySelector('.gj-panel')).toBeNull();
  });

  it('switches the panel to another chip', () => {
    mount(item);
    act(() => root.querySelector<HTMLButtonElement>('[data-tag="ad"]')!.click());
    act(() => root.querySelector<HTMLButtonElement>('[data-tag="shop"]')!.click());
    expect(root.querySelector('.gj-panel')!.textContent).toContain('promotions[0].product_id');
  });

  it('an item without tags shows no chips', () => {
    mount({ ...item, tags: [], adKind: undefined });
    expect(root.querySelectorAll('.gj-chip')).toHaveLength(0);
    expect(root.querySelector('.gj-overlay')).not.toBeNull();
  });

  it('closes an open panel when it is given another item, without rebuilding the chips both items have', () => {
    mount(item);
    const shop = root.querySelector('[data-tag="shop"]');
    act(() => root.querySelector<HTMLButtonElement>('[data-tag="ad"]')!.click());
    expect(root.querySelector('.gj-panel')).not.toBeNull();
    act(() => render(<Overlay item={{ ...item, id: '7400000000000000002' }} />, root));
    expect(root.querySelector('.gj-panel')).toBeNull();
    expect(root.querySelector('[data-tag="shop"]')).toBe(shop);
  });
});
