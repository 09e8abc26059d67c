import { describe, expect, it } from 'vitest';
import { journeyTablesFrom, regroup } from '../../utils/export/journey-tables';
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
});
