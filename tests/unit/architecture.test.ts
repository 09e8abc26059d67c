/**
 * "A platform is one folder": an import-graph check over every .ts / .tsx file under utils/, entrypoints/ and
 * components/. Only the registries import a site's folder (utils/platforms/<site>/), and outside utils/platforms/
 * no code names a site's own field or selector (sentinels below; comments are not code and are ignored).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SCANNED_DIRS = ['utils', 'entrypoints', 'components'];
const PLATFORMS_DIR = 'utils/platforms';
/** The only files outside a site's folder allowed to import it. */
const REGISTRIES = new Set(['utils/platforms/registry.ts', 'utils/platforms/endpoint-registry.ts']);
/** Site field names and selector hooks that must stay inside utils/platforms/ (Douyin's and TikTok's). */
const SENTINELS = ['aweme_', 'awemeId', 'raw_ad_data', 'cell_room', 'is_ads', 'data-e2e', 'xgwrapper', 'ttSeller', 'itemStruct', 'liveRoomInfo'];
/** A site's hosts (plain or regex-escaped) in code: URL knowledge that belongs to the site's folder too. */
const SITE_HOST = /\b(douyin|tiktok|jinritemai)\\?\.(com|cn)\b/;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : walk(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const rel = (abs: string) => path.relative(ROOT, abs).split(path.sep).join('/');

/** Module specifiers of static imports, re-exports, side-effect imports and dynamic import() calls. */
export function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

/** A specifier as a project-relative path (`@/`, `~/`, `@@/` are the project root in WXT), or null for packages. */
export function resolveSpecifier(fromRel: string, spec: string): string | null {
  if (/^(@@?|~~?)\//.test(spec)) return path.posix.normalize(spec.replace(/^(@@?|~~?)\//, ''));
  if (spec.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec));
  return null;
}

/** The site folder a project path lies in (`douyin` for utils/platforms/douyin/…), or null. */
export function siteOf(p: string, sites: readonly string[]): string | null {
  const m = new RegExp(`^${PLATFORMS_DIR}/([^/]+)(/|$)`).exec(p);
  return m && sites.includes(m[1]) ? m[1] : null;
}

export function importViolations(files: ReadonlyArray<{ path: string; source: string }>, sites: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    for (const spec of importSpecifiers(f.source)) {
      const target = resolveSpecifier(f.path, spec);
      const site = target && siteOf(target, sites);
      if (!site || siteOf(f.path, sites) === site || REGISTRIES.has(f.path)) continue;
      out.push(`${f.path} imports ${spec} (the ${site} folder)`);
    }
  }
  return out;
}

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** Site-neutral helpers the platform folders share (utils/platforms/kit/): not a site, and naming none. */
const SHARED_DIRS = new Set(['kit']);
const sites = readdirSync(path.join(ROOT, PLATFORMS_DIR)).filter((n) => !SHARED_DIRS.has(n) && statSync(path.join(ROOT, PLATFORMS_DIR, n)).isDirectory());
const files = SCANNED_DIRS.flatMap((d) => walk(path.join(ROOT, d))).map((abs) => ({ path: rel(abs), source: readFileSync(abs, 'utf8') }));

describe('architecture: a platform is one folder', () => {
  it('finds the sources and the site folders it checks', () => {
    expect(sites).toEqual(expect.arrayContaining(['douyin', 'tiktok']));
    expect(files.length).toBeGreaterThan(50);
  });

  it('the checker sees static, re-export, side-effect and dynamic imports, and @/ paths', () => {
    const fake = [
      { path: 'utils/content/a.ts', source: "import { x } from '../platforms/douyin/urls';\nexport * from '@/utils/platforms/tiktok';" },
      { path: 'utils/b.ts', source: "import './platforms/tiktok/dom';\nconst m = import('./platforms/douyin/read');\nimport type { P } from './platforms/types';" },
      { path: 'utils/platforms/tiktok/c.ts', source: "import { a } from './read';\nimport { b } from '../douyin/read';" },
      { path: 'utils/platforms/registry.ts', source: "import { douyin } from './douyin';" },
    ];
    expect(importViolations(fake, ['douyin', 'tiktok'])).toEqual([
      'utils/content/a.ts imports ../platforms/douyin/urls (the douyin folder)',
      'utils/content/a.ts imports @/utils/platforms/tiktok (the tiktok folder)',
      'utils/b.ts imports ./platforms/tiktok/dom (the tiktok folder)',
      'utils/b.ts imports ./platforms/douyin/read (the douyin folder)',
      'utils/platforms/tiktok/c.ts imports ../douyin/read (the douyin folder)',
    ]);
  });

  it('outside a site folder, only utils/platforms/registry.ts and endpoint-registry.ts import it (and no site imports another)', () => {
    expect(importViolations(files, sites)).toEqual([]);
  });

  // Site knowledge stays in a site's folder: not elsewhere, and not in the shared kit either.
  const inSharedKit = (p: string) => [...SHARED_DIRS].some((d) => p.startsWith(`${PLATFORMS_DIR}/${d}/`));
  const outsidePlatforms = () =>
    files.filter((f) => !f.path.startsWith(`${PLATFORMS_DIR}/`) || inSharedKit(f.path)).map((f) => ({ ...f, code: stripComments(f.source) }));

  it('no code outside utils/platforms/ names a site field or selector', () => {
    const found = outsidePlatforms().flatMap((f) => SENTINELS.filter((s) => f.code.includes(s)).map((s) => `${f.path}: ${s}`));
    expect(found).toEqual([]);
  });

  it('no code outside utils/platforms/ names a site host', () => {
    const found = outsidePlatforms().filter((f) => SITE_HOST.test(f.code)).map((f) => `${f.path}: ${SITE_HOST.exec(f.code)![0]}`);
    expect(found).toEqual([]);
  });
});
