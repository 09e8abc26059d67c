// Issue 2, point 1: `npm run zip` makes a store zip for Chrome (MV3) and one for Firefox, each holding a manifest
// and the scripts it names. (npm test runs the zip step before the end-to-end tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../../.output');
const version = JSON.parse(readFileSync(resolve(out, '../package.json'), 'utf8')).version;

/** File names listed in a zip's central directory (signature PK\x01\x02; the name starts 46 bytes in). */
function zipEntries(buf) {
  const names = [];
  for (let i = buf.indexOf('PK\x01\x02'); i >= 0; i = buf.indexOf('PK\x01\x02', i + 4)) {
    const len = buf.readUInt16LE(i + 28);
    names.push(buf.subarray(i + 46, i + 46 + len).toString('utf8'));
  }
  return names;
}

for (const [browser, dir, mv] of [['chrome', 'chrome-mv3', 3], ['firefox', 'firefox-mv2', 2]]) {
  test(`the ${browser} zip holds the built extension (manifest v${mv})`, () => {
    const zip = join(out, `guangjie-${version}-${browser}.zip`);
    const entries = zipEntries(readFileSync(zip));
    const manifest = JSON.parse(readFileSync(join(out, dir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.manifest_version, mv);
    assert.ok(entries.includes('manifest.json'), 'manifest in the zip');
    for (const f of ['popup.html', 'dashboard.html', 'consent.html', '_locales/en/messages.json', '_locales/zh_CN/messages.json']) assert.ok(entries.includes(f), `${f} in the ${browser} zip`);
    const scripts = manifest.content_scripts.flatMap((c) => c.js);
    assert.ok(scripts.length >= 2, 'capture and feed content scripts');
    for (const s of scripts) assert.ok(entries.includes(s), `${s} in the ${browser} zip`);
  });
}

test('no stray zip from another version is left beside them', () => {
  const zips = readdirSync(out).filter((f) => f.endsWith('.zip'));
  assert.deepEqual(zips.filter((z) => !z.includes(`-${version}-`)), []);
});
