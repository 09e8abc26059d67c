/**
 * The command on real captures (../shared/fixtures/real/, README ground truth): the same tags and ad kinds the
 * extension gives, through the saved-response probing. Skipped, with a note, where the shared folder is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byId, guangjie } from './cli-helpers';

const REAL = path.resolve(__dirname, '../../../shared/fixtures/real');
const present = existsSync(REAL);
if (!present) console.warn(`cli-real-fixtures: ${REAL} is absent; real-capture checks skipped`);

describe.skipIf(!present)('guangjie classify on real captures', () => {
  it('Douyin app feed 2020: the feed ad is landing-page; the three preload ads are external-commerce, landing-page, platform-activity', () => {
    const r = guangjie('classify', path.join(REAL, 'douyin-app-feed-2020-with-ad.json'));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.lines();
    expect(lines).toHaveLength(10);
    const ids = byId(lines);
    expect(ids['6882963188636323076']).toEqual([['ad'], 'landing-page']);
    expect(ids['6883670241025576205']?.[1]).toBe('external-commerce');
    expect(ids['6878581616382446862']?.[1]).toBe('landing-page');
    expect(ids['6880835009763118350']).toEqual([['ad', 'campaign'], 'platform-activity']);
    // The other six are plain (the blue-V business 6883294765023005955 included): no tag, no ad_kind.
    const plain = lines.filter((l) => !['6882963188636323076', '6883670241025576205', '6878581616382446862', '6880835009763118350'].includes(l.id));
    expect(plain.map((l) => [l.tags, l.ad_kind])).toEqual(Array(6).fill([[], undefined]));
  });

  it('the summary of that feed counts 4 ads by kind', () => {
    const r = guangjie('classify', '--summary', path.join(REAL, 'douyin-app-feed-2020-with-ad.json'));
    expect(r.stdout).toMatch(/^ad +4 +40\.0%$/m);
    expect(r.stdout).toMatch(/^landing-page +2 +50\.0%$/m);
    expect(r.stdout).toMatch(/^external-commerce +1 +25\.0%$/m);
    expect(r.stdout).toMatch(/^platform-activity +1 +25\.0%$/m);
  });

  it('a web search response saved as its bare data[] array: 13 items, one poi', () => {
    const lines = guangjie('classify', path.join(REAL, 'douyin-web-general-search-2023.json')).lines();
    expect(lines).toHaveLength(13);
    expect(lines.filter((l) => l.tags.length).map((l) => [l.id, l.tags])).toEqual([['7231778497230867770', ['poi']]]);
  });

  it('a TikTok For You item_list: 28 items, none tagged', () => {
    const lines = guangjie('classify', path.join(REAL, 'tiktok-web-recommend-item-list-2022.json')).lines();
    expect(lines).toHaveLength(28);
    expect(lines.every((l) => l.platform === 'tiktok' && l.tags.length === 0)).toBe(true);
  });
});
