// Issue 5 point 4, on the BUILT extensions (.output/chrome-mv3 and .output/firefox-mv2): host permissions are the
// platforms' own hosts only, the content security policy forbids eval and remote scripts, no built file loads
// or evaluates code from anywhere else, and the extension's pages render with every network request refused.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchExtension, openExtensionPage, waitFor } from './harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'].map((d) => join(root, d));
/** The platforms' own hosts: nothing else may be granted. */
const PLATFORM_HOSTS = ['https://www.douyin.com/*', 'https://live.douyin.com/*', 'https://*.jinritemai.com/*', 'https://www.tiktok.com/*'];
const HOST_LIKE = /^(\*|<all_urls>|[a-z*]+:\/\/)/;

function files(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}
const manifestOf = (dir) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

for (const dir of BUILDS) {
  const name = dir.split('/').pop();
  test(`${name}: built manifest grants only the platforms' hosts`, { skip: !existsSync(join(dir, 'manifest.json')) && 'not built' }, () => {
    const m = manifestOf(dir);
    // MV3 keeps hosts in host_permissions; MV2 mixes them into permissions.
    const hosts = [...(m.host_permissions ?? []), ...(m.permissions ?? []).filter((p) => HOST_LIKE.test(p)), ...(m.optional_host_permissions ?? [])];
    assert.deepEqual([...new Set(hosts)].sort(), [...PLATFORM_HOSTS].sort());
    for (const cs of m.content_scripts ?? []) for (const p of cs.matches) assert.ok(PLATFORM_HOSTS.includes(p), `content script match ${p}`);
    assert.equal(m.externally_connectable, undefined, 'no web page may message the extension');
    for (const r of m.web_accessible_resources ?? []) assert.fail(`web accessible resource ${JSON.stringify(r)}`);
  });

  test(`${name}: CSP forbids eval and remote scripts`, { skip: !existsSync(join(dir, 'manifest.json')) && 'not built' }, () => {
    const m = manifestOf(dir);
    const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;
    assert.ok(csp, 'a CSP is declared');
    const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? '';
    assert.match(scriptSrc, /'self'/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    assert.doesNotMatch(scriptSrc, /https?:|\*|data:|blob:/, 'scripts from our own package only');
  });

  test(`${name}: no built file loads or evaluates remote code`, { skip: !existsSync(join(dir, 'manifest.json')) && 'not built' }, () => {
    const problems = [];
    for (const f of files(dir)) {
      const text = readFileSync(f, 'utf8');
      const rel = f.slice(dir.length + 1);
      if (f.endsWith('.js')) {
        for (const [what, re] of [
          ['eval', /(^|[^.\w$])eval\s*\(/],
          ['new Function', /new\s+Function\s*\(/],
          ['importScripts', /importScripts\s*\(/],
          ['remote import()', /import\s*\(\s*["'`]https?:/],
          ['string timer', /set(Timeout|Interval)\s*\(\s*["'`]/],
          ['script element from a URL', /\.src\s*=\s*["'`]https?:/],
        ]) if (re.test(text)) problems.push(`${rel}: ${what}`);
      }
      if (f.endsWith('.html')) {
        for (const m of text.matchAll(/<script\b[^>]*>/g)) if (/src\s*=\s*["']?(https?:)?\/\//.test(m[0])) problems.push(`${rel}: ${m[0]}`);
        if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(text)) problems.push(`${rel}: inline script`);
        if (/<link[^>]+href=["']https?:/.test(text)) problems.push(`${rel}: remote stylesheet or font`);
      }
    }
    assert.deepEqual(problems, []);
  });
}

let ext;
after(async () => ext?.close());

test("the extension's pages render offline: every request off the package is refused and none is made", async () => {
  ext = await launchExtension();
  const external = [];
  ext.context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('chrome-extension://') && !u.startsWith('data:') && !u.startsWith('blob:') && r.frame()?.url().startsWith('chrome-extension://')) external.push(u);
  });
  await ext.context.setOffline(true);
  const popup = await openExtensionPage(ext, 'popup.html');
  await waitFor(async () => /\d/.test((await popup.locator('[data-testid="stat-items-seen"]').textContent({ timeout: 500 })) ?? ''), { message: 'popup numbers offline' });
  const dashboard = await openExtensionPage(ext, 'dashboard.html');
  await waitFor(async () => (await dashboard.locator('[data-testid^="dash-"]').count()) > 0, { message: 'dashboard content offline' });
  const consent = await openExtensionPage(ext, 'consent.html');
  await waitFor(async () => (await consent.locator('body').innerText()).trim().length > 0, { message: 'consent page offline' });
  assert.deepEqual(external, [], 'extension pages made no network request');
});
