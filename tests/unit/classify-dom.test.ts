import { describe, expect, it } from 'vitest';
import { classify, classifyDom, mergeDomIntoClassified } from '../../utils/classify';
import { emptyItem } from '../../utils/model/item';
import type { DomSignals } from '../../utils/platforms/types';

const none = (): DomSignals => ({ ad: [], shop: [], live: [], poi: [] });
const adLabel = { source: 'dom' as const, field: 'text', value: '广告' };
const cart = { source: 'dom' as const, field: '[data-e2e="yellowCart-container"]', value: 'present' };
const liveCard = { source: 'dom' as const, field: '[data-e2e="feed-live"]', value: 'feed-live' };

describe('classifyDom', () => {
  it('nothing in, no tags out', () => {
    expect(classifyDom('douyin', '1', none())).toMatchObject({ id: '1', source: 'dom', tags: [], productIds: [], shopIds: [] });
  });
  it('a 广告 label alone is an ad of unknown kind, with the reason', () => {
    const r = classifyDom('douyin', '1', { ...none(), ad: [adLabel] });
    expect(r.adKind).toBe('unknown');
    expect(r.tags[0].evidence.at(-1)?.note).toMatch(/not visible/);
    expect(r.tags[0].confidence).toBe(0.6);
  });
  it('an ad live card with a cart is closed-loop-live and selling-live', () => {
    const r = classifyDom('douyin', '1', { ...none(), ad: [adLabel], shop: [cart], live: [liveCard] });
    expect(r.adKind).toBe('closed-loop-live');
    expect(r.tags.map((t) => [t.id, t.kind])).toEqual([['ad', 'closed-loop-live'], ['shop', 'selling-live'], ['live', undefined]]);
    expect(r.format).toBe('live');
  });
  it('an ad with a product anchor is closed-loop-product', () => {
    expect(classifyDom('douyin', '1', { ...none(), ad: [adLabel], shop: [cart] }).adKind).toBe('closed-loop-product');
  });
});

describe('mergeDomIntoClassified', () => {
  it('adds a DOM-only tag with a note and appends DOM evidence to tags the JSON set', () => {
    const item = emptyItem('douyin', '7600000000000000001', 'api');
    item.products.push({ id: 'p1', field: 'promotions[0]' });
    const base = classify(item);
    const merged = mergeDomIntoClassified(base, { ...none(), ad: [adLabel], shop: [cart] });
    expect(merged.tags.map((t) => t.id)).toEqual(['shop', 'ad']);
    expect(merged.tags[0].evidence.at(-1)).toEqual(cart);
    expect(merged.tags[1].evidence.at(-1)?.note).toMatch(/JSON did not mark it/);
    expect(merged.adKind).toBe('closed-loop-product');
    expect(base.tags).toHaveLength(1); // the input is not changed
  });
  it('does not duplicate evidence on a second merge', () => {
    const once = mergeDomIntoClassified(classifyDom('douyin', '1', { ...none(), shop: [cart] }), { ...none(), shop: [cart] });
    expect(once.tags[0].evidence).toHaveLength(1);
  });
});
