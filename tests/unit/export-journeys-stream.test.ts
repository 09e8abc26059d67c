import { describe, expect, it } from 'vitest';
import { journeyInputSlimmer, journeyTablesFrom, regroup } from '../../utils/export/journey-tables';
import { attributeJourneys, ATTRIBUTION_MODEL_IDS } from '../../utils/journeys';
import { DAY, T0, tp } from './journeys-helpers';

describe('attribution rows for export are made a journey at a time', () => {
  // Two converted journeys (3 credited touches; none → one "direct" row) and one open journey (no credit).
  const inputs = [
    tp({ type: 'impression', at: T0 - 3 * DAY, productId: 'p1', tags: ['shop'] }),
    tp({ type: 'product-click', at: T0 - 2 * DAY, productId: 'p1', tags: ['shop'] }),
    tp({ type: 'impression', at: T0 - DAY, productId: 'p1', tags: ['shop', 'ad'] }),
    tp({ type: 'product-view', at: T0, productId: 'p1', surface: 'product-page' }),
    tp({ type: 'product-view', at: T0, productId: 'p2', surface: 'product-page' }),
    tp({ type: 'impression', at: T0, productId: 'p3', tags: ['shop'] }),
  ];
  const tables = journeyTablesFrom(inputs);

  it('yields the same rows attributeJourneys would, and counts them in advance for the progress bar', () => {
    const pages = [...tables.attribution()];
    expect(pages.flat()).toEqual(attributeJourneys(tables.built));
    expect(tables.attributionRows).toBe(pages.flat().length);
    expect(tables.attributionRows).toBe(ATTRIBUTION_MODEL_IDS.length * (3 + 1));
    // one page per journey and model: no page holds more than one journey's credits
    for (const page of pages) expect(new Set(page.map((c) => `${c.journeyId}/${c.model}`)).size).toBeLessThanOrEqual(1);
  });

  it('regroups small pages into writer pages without losing or reordering rows', async () => {
    const out: number[][] = [];
    for await (const page of regroup([[1, 2], [3], [4, 5, 6], [], [7]], 3)) out.push(page);
    expect(out).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('slimmed, handed-over inputs give the same journeys and credits as the stored rows', () => {
    const stored = inputs.map((t) => structuredClone({ ...t, pageUrl: 'https://www.douyin.com/video/1?x=1', extVersion: '0.1.0', definitionsVersion: 1, navIndex: 3, sessionId: 'stored-session' }));
    const slim = stored.map(journeyInputSlimmer());
    const fromSlim = journeyTablesFrom(slim, true);
    expect(fromSlim.journeys).toEqual(tables.journeys);
    expect([...fromSlim.attribution()].flat()).toEqual([...tables.attribution()].flat());
    // handed over: sessions were set on the slim objects themselves, recomputed (not the stored id)
    expect(slim.every((t) => t.sessionId?.startsWith('douyin:'))).toBe(true);
  });

  it('drops what journeys never read and shares repeated values between rows', () => {
    const slimmer = journeyInputSlimmer();
    const [a, b] = [0, 1].map(() => slimmer(structuredClone({ ...inputs[0], shopId: 'shop-9', extVersion: '0.1.0', navIndex: 2, sessionId: 's' })));
    expect(a).not.toBe(b);
    expect(a).toMatchObject({ id: inputs[0].id, productId: 'p1', shopId: 'shop-9', tags: ['shop'], pageUrl: '' });
    expect(Object.keys(a)).not.toEqual(expect.arrayContaining(['extVersion']));
    expect(a.navIndex).toBeUndefined();
    expect(a.sessionId).toBeUndefined();
    expect(a.tags).toBe(b.tags); // one shared (frozen) tag list, not a copy per row
  });
});
