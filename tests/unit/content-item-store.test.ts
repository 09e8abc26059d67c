import { describe, expect, it, vi } from 'vitest';
import type { ClassifiedItem } from '@/utils/model/tags';
import { ItemStore } from '@/utils/content/item-store';
import { buildTouchpoint, orderedTagIds } from '@/utils/content/touchpoints';

const item = (id: string, source: ClassifiedItem['source'] = 'api', tags: ClassifiedItem['tags'] = []): ClassifiedItem => ({ platform: 'douyin', id, format: 'video', source, tags, productIds: [], shopIds: [] });
const adTag = { id: 'ad' as const, kind: 'brand', confidence: 0.95, evidence: [] };

describe('item store', () => {
  it('levels off at its bound, evicting the least recently used', () => {
    const store = new ItemStore(3);
    ['a', 'b', 'c'].forEach((id) => store.upsert(item(id)));
    store.get('a');
    store.upsert(item('d'));
    expect(store.size).toBe(3);
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBeDefined();
  });

  it('reports new and changed items only', () => {
    const store = new ItemStore();
    const heard = vi.fn();
    store.onChange(heard);
    expect(store.upsert(item('a'))).toBe(true);
    expect(store.upsert(item('a'))).toBe(false);
    expect(store.upsert(item('a', 'api', [adTag]))).toBe(true);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('lets JSON replace a DOM guess, never the other way round', () => {
    const store = new ItemStore();
    store.upsert(item('a', 'dom', [adTag]));
    expect(store.upsert(item('a', 'api'))).toBe(true);
    expect(store.upsert(item('a', 'dom', [adTag]))).toBe(false);
    expect(store.get('a')!.source).toBe('api');
  });
});

describe('building a touchpoint', () => {
  it('carries provenance and the item’s tags in TAG_IDS order', () => {
    const it0: ClassifiedItem = { ...item('7400', 'api', [{ id: 'live', confidence: 1, evidence: [] }, { id: 'shop', confidence: 1, evidence: [] }]), productIds: ['p1', 'p2'], shopIds: ['s1'], brand: 'B', adKind: undefined };
    const tp = buildTouchpoint(
      { platform: 'douyin', surface: 'recommend', pageUrl: 'https://www.douyin.com/', extVersion: '0.1.0', definitionsVersion: 1, navIndex: 2 },
      'impression',
      { at: 5, dwellMs: 2100, attentionMs: 2000 },
      it0,
      'fixed-id',
    );
    expect(tp).toEqual({
      id: 'fixed-id', type: 'impression', at: 5, platform: 'douyin', surface: 'recommend', pageUrl: 'https://www.douyin.com/',
      extVersion: '0.1.0', definitionsVersion: 1, navIndex: 2, tags: ['shop', 'live'], itemId: '7400', productId: 'p1', shopId: 's1', brand: 'B', dwellMs: 2100, attentionMs: 2000,
    });
    expect(orderedTagIds(undefined)).toEqual([]);
    expect(buildTouchpoint({ platform: 'douyin', surface: 'search', pageUrl: '', extVersion: '', definitionsVersion: 1, navIndex: 0 }, 'search').id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
