/**
 * `guangjie classify` on good inputs of every kind: one NDJSON line per item with the extension's own tags, an
 * `ad_kind` on every ad line and on no other, deduplication across lines and files, --out and --summary.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TAG_IDS } from '../../utils/model/tags';
import { byId, fixture, guangjie } from './cli-helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'guangjie-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('guangjie classify: inputs', () => {
  it('reads a saved API response with no URL by probing the platforms’ feed endpoints', () => {
    const r = guangjie('classify', fixture('douyin-tab-feed.json'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(byId(r.lines())).toEqual({
      '7500000000000000001': [[], undefined],
      '7500000000000000002': [['ad'], 'landing-page'],
      '7500000000000000003': [['shop'], undefined],
    });
  });

  it('writes the documented fields, evidence naming its tag, and provenance', () => {
    const ad = guangjie('classify', fixture('douyin-tab-feed.json')).lines().find((l) => l.id === '7500000000000000002')!;
    expect(Object.keys(ad).slice(0, 4)).toEqual(['platform', 'id', 'tags', 'ad_kind']);
    expect(ad).toMatchObject({ platform: 'douyin', format: 'video', source: 'api', productIds: [], shopIds: [], kinds: { ad: 'landing-page' } });
    expect(ad.authorId).toBeTruthy();
    expect(ad.confidence.ad).toBeGreaterThan(0.9);
    expect(ad.evidence).toContainEqual(expect.objectContaining({ tag: 'ad', field: 'is_ads', value: 'true' }));
    expect(ad.from).toEqual({ file: fixture('douyin-tab-feed.json') });
    expect(typeof ad.definitionsVersion).toBe('number');
  });

  it('reads a bare array of items, each saved on its own', () => {
    const r = guangjie('classify', fixture('items-array.json'));
    expect(r.status, r.stderr).toBe(0);
    expect(byId(r.lines())).toEqual({ '7500000000000000021': [[], undefined], '7500000000000000022': [['ad'], 'external-commerce'] });
  });

  it('reads a HAR: feed and search entries by their real URL (a base64 body too), TikTok too, skipping non-feed entries', () => {
    const r = guangjie('classify', fixture('session.har'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.lines();
    expect(byId(lines)).toEqual({
      '7500000000000000011': [['ad'], 'external-commerce'],
      '7500000000000000012': [['ad'], 'app-install'],
      '7500000000000000013': [[], undefined],
      '7500000000000000014': [['poi'], undefined], // from the base64 search response
      '7460000000000000101': [['ad'], 'unknown'],
      '7460000000000000102': [[], undefined],
    });
    expect(lines.filter((l) => l.platform === 'tiktok').map((l) => l.id)).toEqual(['7460000000000000101', '7460000000000000102']);
    expect(lines.find((l) => l.id === '7500000000000000014')!.endpoint).toBe('/aweme/v1/web/general/search/single/');
  });

  it('reads NDJSON of {url, body} pairs, HAR entries and saved responses, keeping the first copy of a repeated item', () => {
    const r = guangjie('classify', fixture('responses.ndjson'));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.lines();
    expect(byId(lines)).toEqual({
      '7500000000000000031': [['poi'], undefined],
      '7500000000000000032': [['shop', 'alliance'], undefined],
      '7460000000000000103': [['ad'], 'unknown'],
    });
    expect(lines.map((l) => l.from.line)).toEqual([1, 2, 3]); // line 5 repeats line 1's item: not written again
  });

  it('reports a bad NDJSON line on stderr, skips it and still succeeds', () => {
    const r = guangjie('classify', fixture('with-bad-line.ndjson'));
    expect(r.status).toBe(0);
    expect(r.lines()).toHaveLength(3);
    expect(r.stderr).toBe(`guangjie: ${fixture('with-bad-line.ndjson')}:2: not JSON (unexpected end at byte 30); line skipped\n`);
  });
});

describe('guangjie classify: output', () => {
  it('puts ad_kind on every ad line and on no other, and tags in TAG_IDS (overlay) order', () => {
    const lines = guangjie('classify', fixture('session.har'), fixture('responses.ndjson'), fixture('douyin-tab-feed.json')).lines();
    expect(lines.length).toBe(12);
    for (const l of lines) {
      expect('ad_kind' in l).toBe(l.tags.includes('ad'));
      expect(l.tags).toEqual([...l.tags].sort((a: any, b: any) => TAG_IDS.indexOf(a) - TAG_IDS.indexOf(b)));
    }
  });

  it('deduplicates by platform and id across files', () => {
    const r = guangjie('classify', fixture('douyin-tab-feed.json'), fixture('with-bad-line.ndjson'));
    expect(r.lines().map((l) => l.id)).toEqual(['7500000000000000001', '7500000000000000002', '7500000000000000003']);
  });

  it('--out writes the lines to a file and nothing to stdout', () => {
    const out = path.join(tmp, 'items.ndjson');
    const r = guangjie('classify', '--out', out, fixture('session.har'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id)).toHaveLength(6);
  });

  it('--summary prints aligned counts per tag and ads per kind instead of the lines', () => {
    const r = guangjie('classify', '--summary', fixture('session.har'), fixture('responses.ndjson'), fixture('douyin-tab-feed.json'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('{');
    const row = (name: string): string[] => r.stdout.split('\n').find((l) => l.startsWith(`${name} `))!.trim().split(/\s+/);
    expect(r.stdout).toMatch(/^items +12 \(douyin 9, tiktok 3\); duplicates skipped 1$/m);
    expect(row('shop')).toEqual(['shop', '2', '16.7%']);
    expect(row('ad')).toEqual(['ad', '5', '41.7%']);
    expect(row('poi')).toEqual(['poi', '2', '16.7%']);
    expect(row('alliance')).toEqual(['alliance', '1', '8.3%']);
    expect(row('top-kol')).toEqual(['top-kol', '0', '0.0%']);
    expect(row('(none)')).toEqual(['(none)', '3', '25.0%']);
    expect(row('external-commerce')).toEqual(['external-commerce', '1', '20.0%']);
    expect(row('landing-page')).toEqual(['landing-page', '1', '20.0%']);
    expect(row('app-install')).toEqual(['app-install', '1', '20.0%']);
    expect(row('unknown')).toEqual(['unknown', '2', '40.0%']);
    // Aligned: every row of the tag table is as wide as its rule line.
    const tagTable = r.stdout.split('\n\n')[1].split('\n');
    expect(new Set(tagTable.map((l) => l.length)).size).toBe(1);
  });

  it('--summary with --out writes both', () => {
    const out = path.join(tmp, 'both.ndjson');
    const r = guangjie('classify', '-s', '-o', out, fixture('douyin-tab-feed.json'));
    expect(r.stdout).toMatch(/^items +3 /);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
