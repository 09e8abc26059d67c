// Issue 5 point 2, in the real browser: a database written by schema version 1 (tests/fixtures/db/guangjie-v1.json,
// loaded with the raw IndexedDB API exactly as version 1 laid it out) is opened by the built extension's worker,
// upgraded to the current version, and keeps every row (moved into chunks); the stale running aggregates are
// rebuilt from the rows.
// (tests/unit/db-schema.test.ts checks the same upgrade step in fake-indexeddb.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchExtension, openExtensionPage } from './harness.mjs';
import { createV1Database } from '../fixtures/db/v1-schema.mjs';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/db/guangjie-v1.json', import.meta.url), 'utf8'));

let ext;
before(async () => (ext = await launchExtension()));
after(async () => ext?.close());

test('a version-1 database opens, migrates and keeps every row', async () => {
  const page = await openExtensionPage(ext, 'popup.html');
  // Once the popup has its numbers (it reads the database itself too), replace whatever the worker made with the
  // saved version-1 database. Every handle closes itself on versionchange (utils/db/connection.ts), so the delete
  // is not blocked.
  await page.locator('[data-testid="stat-items-seen"]').waitFor();
  await page.evaluate(`(${createV1Database})(indexedDB, ${JSON.stringify(fixture)})`);

  // The worker opens (and so upgrades) the database when the popup asks for its numbers.
  const stats = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/stats' }));
  assert.equal(stats.ok, true, `stats after the upgrade: ${JSON.stringify(stats)}`);
  assert.equal(stats.stats.allTime.touchpoints, fixture.touchpoints.length, 'aggregates rebuilt from every kept row');

  const after = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('guangjie');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['touchpointChunks', 'items', 'meta']);
      const all = (store) => new Promise((ok) => { const r = tx.objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
      Promise.all([all('touchpointChunks'), all('items'), new Promise((ok) => { const r = tx.objectStore('meta').get('note'); r.onsuccess = () => ok(r.result); })])
        .then(([chunks, items, note]) => {
          const touchpoints = chunks.flatMap((c) => c.rows);
          const out = { version: db.version, stores: [...db.objectStoreNames].sort(), indexes: [...tx.objectStore('touchpointChunks').indexNames].sort(), touchpoints, items, note };
          db.close();
          resolve(out);
        });
    };
  }));
  assert.ok(after.version >= 2, `upgraded (version ${after.version})`);
  assert.deepEqual(after.stores, ['diagnostics', 'items', 'meta', 'seen', 'touchpointChunks']);
  assert.equal(after.version, 4);
  assert.deepEqual(after.indexes, ['atMax', 'atMin', 'n'], 'version 4 keeps touchpoints in chunks, found by time, counted by size');
  const byId = (a, b) => (a.id < b.id ? -1 : 1);
  assert.deepEqual(after.touchpoints.sort(byId), [...fixture.touchpoints].sort(byId), 'every touchpoint kept, unchanged');
  assert.deepEqual(after.items, fixture.items, 'every item kept, unchanged');
  assert.equal(after.note, 'kept by the upgrade', 'unrelated meta rows kept');
});
