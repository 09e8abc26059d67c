// @vitest-environment node
/**
 * Every message key the popup, dashboard and consent page use exists in both locales, no message is empty, and a
 * message's $n placeholders are the same in English and Chinese. Keys are found in the source (quoted names with
 * a page prefix) and in the families built from ids at run time (touchpoint types, tags, models, …).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../components/dashboard/charts';
import { TAG_CATEGORIES } from '../../utils/dashboard/compute';
import { ATTRIBUTION_MODEL_IDS } from '../../utils/journeys/attribution/types';
import { FACT_ROLES } from '../../utils/journeys/groupings';
import { JOURNEY_MODES } from '../../utils/journeys/mode';
import { AD_KINDS, TAG_IDS } from '../../utils/model/tags';
import { TOUCHPOINT_TYPES } from '../../utils/model/touchpoint';

const root = join(__dirname, '../..');
const locale = (lang: string) => JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = locale('en');
const zh = locale('zh_CN');

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(root, rel)).isDirectory() ? files(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}

const SOURCES = ['components/popup', 'components/dashboard', 'components/consent', 'entrypoints/popup', 'entrypoints/dashboard', 'entrypoints/consent'].flatMap(files);
const staticKeys = [...new Set(SOURCES.flatMap((f) =>
  [...readFileSync(join(root, f), 'utf8').matchAll(/['"`]((?:popup|dash|consent|export)[A-Z][A-Za-z0-9_]*)['"`]/g)].map((m) => m[1])))];

/** Prefixes handed to keyOf(prefix, id): their keys are the dynamic families below. */
const PREFIXES = new Set(['dashRole', 'dashAdKind', 'dashCategory', 'dashModel', 'tpType', 'tagName']);

const dynamicKeys = [
  ...TOUCHPOINT_TYPES.map((x) => keyOf('tpType', x)),
  ...TAG_IDS.map((x) => keyOf('tagName', x)),
  ...TAG_CATEGORIES.map((x) => keyOf('dashCategory', x)),
  ...ATTRIBUTION_MODEL_IDS.map((x) => keyOf('dashModel', x)),
  ...[...FACT_ROLES, 'none', 'direct'].map((x) => keyOf('dashRole', x)),
  ...[...AD_KINDS, 'organic', 'direct'].map((x) => keyOf('dashAdKind', x)),
  ...JOURNEY_MODES.map((x) => `dashMode_${x}`),
  ...['all', 'douyin', 'tiktok'].map((x) => `dashPlatform_${x}`),
  ...['json', 'ndjson', 'csv'].map((x) => `dashExport_${x}`),
  ...['agreed', 'declined', 'saved', 'deleted', 'failed'].map((x) => `consentStatus_${x}`),
  'exportProgress', 'exportProgressLabel',
];

const placeholders = (s: string) => [...new Set(s.match(/\$\d/g) ?? [])].sort();

describe('i18n messages', () => {
  it('finds the keys the pages use', () => {
    expect(staticKeys.length).toBeGreaterThan(80);
    expect(staticKeys).toContain('consentAgree');
    expect(staticKeys).toContain('dashTagsTitle');
  });

  it('has every used key in English and Simplified Chinese', () => {
    const used = [...new Set([...staticKeys.filter((k) => !PREFIXES.has(k)), ...dynamicKeys])];
    expect(used.filter((k) => !en[k])).toEqual([]);
    expect(used.filter((k) => !zh[k])).toEqual([]);
  });

  it('has the same keys in both locales, none empty, names legal for chrome.i18n', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const m of [en, zh]) {
      for (const [k, v] of Object.entries(m)) {
        expect(k).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(v.message.trim(), k).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(en)) expect(placeholders(zh[k].message), k).toEqual(placeholders(en[k].message));
  });

  it('writes the Chinese screens in Chinese (not left in English)', () => {
    const pageKeys = Object.keys(zh).filter((k) => /^(consent|dash)/.test(k) && !/Export_|Platform_tiktok|Offset/.test(k));
    const untranslated = pageKeys.filter((k) => !/[\u4e00-\u9fff]/.test(zh[k].message) && zh[k].message === en[k].message);
    expect(untranslated).toEqual([]);
  });
});
