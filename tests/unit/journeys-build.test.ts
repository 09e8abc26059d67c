import { describe, expect, it } from 'vitest';
import { withDefinitions } from '../../utils/journeys/definitions';
import { buildJourneys } from '../../utils/journeys/journeys';
import { isLinkable, linkKeys } from '../../utils/journeys/linking';
import { journeyRow } from '../../utils/journeys/rows';
import { DAY, MIN, T0, tp } from './journeys-helpers';

const ids = (j: { touchpoints: { id: string }[] }) => j.touchpoints.map((t) => t.id);

describe('journeys: look-back window', () => {
  it('includes a touch exactly 7 days before the conversion and leaves one 7 days + 1 ms before as open', () => {
    const edge = tp({ id: 'edge', type: 'impression', at: T0 - 7 * DAY, productId: 'P' });
    const outside = tp({ id: 'outside', type: 'impression', at: T0 - 7 * DAY - 1, productId: 'P' });
    const conv = tp({ id: 'conv', type: 'product-view', surface: 'product-page', at: T0, productId: 'P' });
    const [converted, open] = buildJourneys([conv, edge, outside]);
    expect(converted).toMatchObject({ id: 'conv:conv', converted: true, conversionType: 'product-view', conversionId: 'conv' });
    expect(ids(converted)).toEqual(['edge', 'conv']);
    expect(open).toMatchObject({ id: 'open:outside', converted: false, conversionType: null, conversionId: null });
    expect(ids(open)).toEqual(['outside']);
  });

  it('follows the look-back setting', () => {
    const old = tp({ id: 'old', type: 'impression', at: T0 - 2 * DAY, productId: 'P' });
    const conv = tp({ id: 'conv', type: 'add-to-cart', at: T0, productId: 'P' });
    const [j] = buildJourneys([old, conv], withDefinitions({ journeyLookbackDays: 1 }));
    expect(ids(j)).toEqual(['conv']);
  });
});

describe('journeys: linking by product, shop and brand', () => {
  it('links a touch sharing only the shop, and one sharing only the brand (case and spaces ignored)', () => {
    const sameShop = tp({ id: 'shop', type: 'impression', at: T0 - DAY, productId: 'P2', shopId: 'S' });
    const sameBrand = tp({ id: 'brand', type: 'impression', at: T0 - 2 * DAY, brand: ' Li-Ning ' });
    const otherShop = tp({ id: 'other', type: 'impression', at: T0 - 3 * DAY, productId: 'P3', shopId: 'S9' });
    const conv = tp({ id: 'conv', type: 'buy-intent', at: T0, productId: 'P1', shopId: 'S', brand: 'li-ning' });
    const journeys = buildJourneys([sameShop, sameBrand, otherShop, conv]);
    expect(ids(journeys[0])).toEqual(['brand', 'shop', 'conv']);
    expect(journeyRow(journeys[0])).toEqual({
      id: 'conv:conv', mode: 'browse', converted: true, conversionType: 'buy-intent', firstAt: T0 - 2 * DAY, lastAt: T0,
      touchpointIds: ['brand', 'shop', 'conv'], productId: 'P1', shopId: 'S', brand: 'li-ning', platform: 'douyin',
    });
    expect(ids(journeys[1])).toEqual(['other']); // the other shop's touch is an open journey of its own
  });

  it('calls a touch linkable exactly when it has a key to link by (blank and spaces-only brands are none)', () => {
    const touches = [{ productId: 'P' }, { shopId: 'S' }, { brand: ' Nike ' }, { brand: '   ' }, { brand: '' }, { productId: '', shopId: '' }, {},
      { productId: 'P', shopId: 'S', brand: 'B' }].map((f) => tp({ type: 'impression', at: T0, ...f }));
    expect(touches.map(isLinkable)).toEqual(touches.map((t) => linkKeys(t).length > 0));
    expect(touches.map(isLinkable)).toEqual([true, true, true, false, false, false, false, true]);
  });

  it('never links across platforms', () => {
    const tiktok = tp({ id: 'tt', type: 'impression', at: T0 - MIN, productId: 'P', platform: 'tiktok' });
    const conv = tp({ id: 'conv', type: 'order-page', at: T0, productId: 'P' });
    const journeys = buildJourneys([tiktok, conv]);
    expect(ids(journeys.find((j) => j.converted)!)).toEqual(['conv']);
    expect(journeys.find((j) => !j.converted)).toMatchObject({ platform: 'tiktok' });
  });

  it('makes one journey per conversion signal; later ones include the earlier steps', () => {
    const imp = tp({ id: 'imp', type: 'impression', at: T0 - 10 * MIN, productId: 'P' });
    const view = tp({ id: 'view', type: 'product-view', surface: 'product-page', at: T0 - 5 * MIN, productId: 'P' });
    const cart = tp({ id: 'cart', type: 'add-to-cart', surface: 'product-page', at: T0, productId: 'P' });
    const journeys = buildJourneys([imp, view, cart]);
    expect(journeys.map((j) => j.id)).toEqual(['conv:view', 'conv:cart']);
    expect(ids(journeys[1])).toEqual(['imp', 'view', 'cart']);
  });

  it('groups unconverted touches transitively into open journeys, cut at gaps over 7 days', () => {
    const a = tp({ id: 'a', type: 'impression', at: T0, productId: 'P1', shopId: 'S' });
    const b = tp({ id: 'b', type: 'impression', at: T0 + DAY, productId: 'P2', shopId: 'S' });
    const c = tp({ id: 'c', type: 'impression', at: T0 + 2 * DAY, productId: 'P2' });
    const d = tp({ id: 'd', type: 'impression', at: T0 + 9 * DAY + 1, productId: 'P1' }); // 7 d + 1 ms after c
    const plain = tp({ id: 'plain', type: 'impression', at: T0 + DAY }); // no product, shop or brand: in no journey
    const journeys = buildJourneys([a, b, c, d, plain]);
    expect(journeys.map(ids)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(journeys.every((j) => !j.converted)).toBe(true);
  });
});

describe('journeys: browse vs store mode', () => {
  const view = (at: number) => tp({ id: 'conv', type: 'product-view', surface: 'product-page', at, productId: 'P' });

  it('is browse when the first touch came from a feed, a live room or a profile', () => {
    for (const surface of ['recommend', 'jingxuan', 'follow', 'live-room', 'profile'] as const) {
      const first = tp({ type: surface === 'live-room' ? 'live-enter' : 'impression', surface, at: T0 - MIN, productId: 'P' });
      expect(buildJourneys([first, view(T0)])[0].mode).toBe('browse');
    }
  });

  it('is store when a search in the same session came first: the search joins the journey', () => {
    const search = tp({ id: 'q', type: 'search', surface: 'search', at: T0 - 20 * MIN, query: '运动鞋' });
    const result = tp({ id: 'imp', type: 'impression', surface: 'search', at: T0 - 10 * MIN, productId: 'P' });
    const [j] = buildJourneys([search, result, view(T0)]);
    expect(ids(j)).toEqual(['q', 'imp', 'conv']);
    expect(j.mode).toBe('store');
  });

  it('leaves out a search from an earlier session, and any search when the join is off', () => {
    const oldSearch = tp({ id: 'q', type: 'search', surface: 'search', at: T0 - 2 * 60 * MIN });
    const feed = tp({ id: 'imp', type: 'impression', surface: 'recommend', at: T0 - 10 * MIN, productId: 'P' });
    const [j] = buildJourneys([oldSearch, feed, view(T0)]);
    expect(ids(j)).toEqual(['imp', 'conv']);
    expect(j.mode).toBe('browse');
    const recent = tp({ id: 'q2', type: 'search', surface: 'search', at: T0 - 20 * MIN });
    const [off] = buildJourneys([recent, feed, view(T0)], withDefinitions({ searchJoin: 'off' }));
    expect(off.mode).toBe('browse');
  });

  it('is store when a shop was opened first, or the product page was reached directly', () => {
    const shopOpen = tp({ type: 'shop-open', surface: 'video', at: T0 - MIN, shopId: 'S', productId: 'P' });
    expect(buildJourneys([shopOpen, view(T0)])[0].mode).toBe('store');
    expect(buildJourneys([view(T0)])[0].mode).toBe('store');
  });

  it('is unknown when the first touch was on an unrecognised surface', () => {
    const other = tp({ type: 'impression', surface: 'other', at: T0 - MIN, productId: 'P' });
    expect(buildJourneys([other, view(T0)])[0].mode).toBe('unknown');
  });
});
