import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { douyin } from '../../utils/platforms/douyin';
import { classify } from '../../utils/classify';
import { emptyItem } from '../../utils/model/item';
import { AD_KINDS } from '../../utils/model/tags';

const load = (name: string, url: string) =>
  new Map(douyin.extractFromResponse(url, JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/douyin', name), 'utf8'))).map((i) => [i.id, classify(i)]));
const feed = load('tab-feed.json', 'https://www.douyin.com/aweme/v1/web/tab/feed/');
const ad = (id: string) => feed.get(id)!.tags.find((t) => t.id === 'ad');

describe('ad kinds', () => {
  it.each([
    ['7600000000000000002', 'closed-loop-product', 'an ad carrying promotions'],
    ['7600000000000000003', 'closed-loop-live', 'an ad live card'],
    ['7600000000000000004', 'app-install', 'an ad with a download url and app name (beats its web page)'],
    ['7600000000000000005', 'brand', 'a brand ad with no purchase path'],
    ['7600000000000000006', 'unknown', 'an ad with no destination'],
    ['7600000000000000007', 'external-commerce', 'a Taobao destination'],
    ['7600000000000000020', 'external-commerce', 'a preload ad to a JD short link'],
  ])('%s is %s (%s)', (id, kind) => {
    expect(ad(id)?.kind).toBe(kind);
    expect(feed.get(id)!.adKind).toBe(kind);
    expect(AD_KINDS).toContain(kind);
  });

  it('an unknown ad says why, as evidence', () => {
    expect(ad('7600000000000000006')!.evidence.at(-1)?.note).toMatch(/no destination/);
  });

  it('landing page and platform activity (v1 module feed, 2020 app wrapper)', () => {
    expect(load('module-feed-v1.json', 'https://www.douyin.com/aweme/v1/web/module/feed/').get('7600000000000000202')!.adKind).toBe('landing-page');
    const app = load('app-2020.json', 'https://aweme.snssdk.com/aweme/v1/feed/').get('6800000000000000001')!;
    expect(app.adKind).toBe('platform-activity');
    expect(app.tags.map((t) => t.id)).toEqual(['ad', 'campaign']);
  });

  it('an unrecognised destination scheme stays unknown with the url in the reason', () => {
    const item = emptyItem('douyin', '1', 'api');
    item.ad.markers.push({ field: 'is_ads', value: true });
    item.ad.destinations.push({ field: 'raw_ad_data.open_url', value: 'weird://x' });
    const t = classify(item).tags[0];
    expect(t.kind).toBe('unknown');
    expect(t.evidence.at(-1)?.note).toContain('weird://x');
  });

  it('every ad carries its markers as evidence with field and value', () => {
    for (const c of feed.values()) {
      const t = c.tags.find((x) => x.id === 'ad');
      if (t) expect(t.evidence[0]).toMatchObject({ source: 'api', note: 'marks the item as paid' });
    }
  });

  it('plain items get no tags at all', () => {
    expect(feed.get('7600000000000000001')!.tags).toEqual([]);
  });
});
