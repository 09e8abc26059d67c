// Issue 4, end to end on the built extension: nothing is stored before consent; after consent (given on the
// consent page) a scripted browse on the replica — a closed-loop product ad watched, its product anchor clicked,
// 立即购买 on the product page — shows up on the dashboard as a journey, and the JSON, NDJSON and CSV exports hold
// it with the right credit (CSV and NDJSON read back with DuckDB); delete-all leaves no rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { launchExtension, openExtensionPage, waitFor } from './harness.mjs';
import { demoFeed } from '../../demo/replica.mjs';

const WATCH_MS = 2600;
const AD_INDEX = demoFeed.findIndex((x) => x.adKind === 'closed-loop-product' && x.productIds?.length);

let ext;
before(async () => { ext = await launchExtension(); });
after(async () => ext?.close());

/** Row counts per store, read in an extension page (same origin as the worker). Never creates the database. */
async function storeCounts(page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'guangjie')) return {};
    const db = await new Promise((res, rej) => { const r = indexedDB.open('guangjie'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const out = {};
    for (const name of db.objectStoreNames) {
      out[name] = await new Promise((res) => { const q = db.transaction(name).objectStore(name).count(); q.onsuccess = () => res(q.result); });
    }
    db.close();
    return out;
  });
}
const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

async function watchItem(page, index) {
  // The replica loads its items asynchronously: wait until it has them before moving to one.
  await page.waitForFunction((i) => window.__replica && window.__replica.count() > i, index);
  await page.evaluate((i) => window.__replica.go(i), index);
  await waitFor(() => page.evaluate((id) => document.querySelector(`[data-guangjie-item="${id}"]`) !== null, demoFeed[index].id), { message: `overlay on item ${index}` });
  await page.waitForTimeout(WATCH_MS);
}

/**
 * Which export file a download is. Files saved through the downloads API reach Playwright under a random name, so
 * the file is recognised by its content: the bundle by its manifest, the dictionary by its $defs, a table by its
 * columns (a CSV's header, an NDJSON's first row).
 */
function exportName(text) {
  const firstLine = text.split(/\r?\n/, 1)[0];
  let cols;
  let ext;
  try {
    const first = JSON.parse(firstLine);
    if (first.manifest) return 'guangjie-export.json';
    if (first.$defs) return 'guangjie-dictionary.json';
    cols = Object.keys(first);
    ext = 'ndjson';
  } catch {
    try {
      const whole = JSON.parse(text);
      if (whole.manifest) return 'guangjie-export.json';
      if (whole.$defs) return 'guangjie-dictionary.json';
    } catch { /* not one JSON document: a CSV */ }
    cols = firstLine.split(',');
    ext = 'csv';
  }
  const has = (...c) => c.every((x) => cols.includes(x));
  const table = has('table', 'column') ? 'columns' : has('credit', 'model') ? 'attribution' : has('mode', 'converted') ? 'journeys' : has('type', 'at') ? 'touchpoints' : 'items';
  return `guangjie-${table}.${ext}`;
}

/** Click a button that downloads `n` files; returns their texts by export name. */
async function downloads(page, testId, n) {
  const got = [];
  const onDownload = (d) => got.push(d);
  page.on('download', onDownload);
  await page.click(`[data-testid="${testId}"]`);
  await waitFor(() => got.length >= n, { timeout: 30_000, message: `${n} downloads from ${testId}` });
  page.off('download', onDownload);
  const files = {};
  for (const d of got) {
    const path = await d.path();
    const text = await readFile(path, 'utf8');
    files[exportName(text)] = { path, text };
  }
  assert.equal(Object.keys(files).length, n, `${n} distinct files from ${testId}: ${Object.keys(files)}`);
  return files;
}

async function duck(sql) {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  return (await con.runAndReadAll(sql)).getRowObjectsJS();
}

test('consent first, then a browse becomes a journey on the dashboard and in every export; delete-all empties it', async () => {
  assert.ok(AD_INDEX >= 0, 'the replica feed has a closed-loop product ad');
  // 1. Before consent: browsing stores nothing.
  const feed = await ext.context.newPage();
  await feed.goto('https://www.douyin.com/');
  await watchItem(feed, 0);
  await feed.keyboard.press('ArrowDown');
  await feed.waitForTimeout(500);
  const consent = await waitFor(() => ext.context.pages().find((p) => p.url().endsWith('/consent.html')), { message: 'consent page opened on install' });
  assert.equal(total(await storeCounts(consent)), 0, 'nothing stored before consent');

  // 2. Consent on the first-run page.
  await consent.fill('[data-testid="consent-study-id"]', 'e2e-study');
  await consent.fill('[data-testid="consent-participant-id"]', 'p-42');
  await consent.click('[data-testid="consent-agree"]');
  await waitFor(async () => (await consent.getAttribute('[data-testid="consent-status"]', 'data-state')) === 'recording', { message: 'recording after consent' });

  // 3. Browse: watch the ad, open its product, press 立即购买.
  await feed.reload();
  await watchItem(feed, AD_INDEX);
  const [product] = await Promise.all([ext.context.waitForEvent('page'), feed.click(`.xgplayer-shop-anchor[data-product-id="${demoFeed[AD_INDEX].productIds[0]}"]`)]);
  await product.waitForLoadState();
  await product.waitForTimeout(WATCH_MS);
  await product.click('#buy-now');
  await product.waitForTimeout(1000);
  await product.close({ runBeforeUnload: true });
  await feed.close({ runBeforeUnload: true });

  // 4. The dashboard shows the journey as a timeline.
  const dash = await openExtensionPage(ext, 'dashboard.html');
  const journeyId = await waitFor(async () => {
    const ids = await dash.locator('[data-testid="dash-journey"][data-converted="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-journey-id')));
    if (ids.length) return ids[0];
    await dash.reload();
    return null;
  }, { timeout: 20_000, message: `a converted journey on the dashboard (stores: ${JSON.stringify(await storeCounts(dash))})` });
  const steps = await dash.locator(`[data-journey-id="${journeyId}"] .step`).evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  assert.ok(steps.includes('impression') && steps.includes('product-click'), `journey steps ${steps}`);
  for (const id of ['dash-chart-tags', 'dash-chart-attention', 'dash-chart-funnel', 'dash-chart-attribution']) assert.ok(await dash.locator(`[data-testid="${id}"] canvas`).count(), id);

  // 5. Exports: JSON bundle, NDJSON, CSV — the journey and its credit in each.
  const json = await downloads(dash, 'dash-export-json', 2);
  const bundle = JSON.parse(json['guangjie-export.json'].text);
  assert.equal(bundle.manifest.studyId, 'e2e-study');
  assert.equal(bundle.manifest.participantId, 'p-42');
  assert.ok(JSON.parse(json['guangjie-dictionary.json'].text).$defs.journeys);
  const journey = bundle.tables.journeys.find((j) => j.id === journeyId);
  assert.ok(journey?.converted, 'journey in the bundle');
  const byId = new Map(bundle.tables.touchpoints.map((t) => [t.id, t]));
  const credited = bundle.tables.attribution.filter((c) => c.journeyId === journeyId && c.model === 'last-touch' && c.credit === 1);
  assert.equal(credited.length, 1, 'one last-touch credit');
  assert.equal(byId.get(credited[0].touchpointId)?.type, 'product-click', 'last touch before the conversion is the product click');
  for (const model of ['first-touch', 'linear', 'markov']) {
    const sum = bundle.tables.attribution.filter((c) => c.journeyId === journeyId && c.model === model).reduce((s, c) => s + c.credit, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `${model} credit sums to 1`);
  }

  const nd = await downloads(dash, 'dash-export-ndjson', 5);
  const ndCredit = await duck(`select touchpointId, credit from read_json_auto('${nd['guangjie-attribution.ndjson'].path}') where journeyId = '${journeyId}' and model = 'last-touch' and credit = 1`);
  assert.deepEqual(ndCredit, [{ touchpointId: credited[0].touchpointId, credit: 1 }]);
  const csv = await downloads(dash, 'dash-export-csv', 5);
  const csvJourney = await duck(`select id, converted, touchpointIds from read_csv('${csv['guangjie-journeys.csv'].path}', header = true, all_varchar = true) where id = '${journeyId}'`);
  assert.deepEqual(csvJourney, [{ id: journeyId, converted: 'true', touchpointIds: journey.touchpointIds.join(' ') }]);
  const csvTps = await duck(`select count(*)::INTEGER as n from read_csv('${csv['guangjie-touchpoints.csv'].path}', header = true, all_varchar = true)`);
  assert.equal(csvTps[0].n, bundle.tables.touchpoints.length);
  assert.ok(csv['guangjie-columns.csv'].text.startsWith('table,column,type,unit,description'));
  // The files were written to disk (the extension's private file system) and downloaded from there, not held in
  // memory as Blobs; each export clears the files the one before it left: the CSV run's five remain.
  const onDisk = await dash.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('guangjie-exports');
    const names = [];
    for await (const name of dir.keys()) names.push(name.replace(/^\d+-/, ''));
    return names.sort();
  });
  assert.equal(onDisk.length, 5, `files on disk: ${onDisk}`);
  assert.ok(onDisk.every((n) => /^guangjie-[a-z]+-\d{4}-\d{2}-\d{2}\.csv$/.test(n)), `only the CSV export's files: ${onDisk}`);

  // 6. Delete everything from the consent page: no rows anywhere.
  await consent.reload();
  await consent.click('[data-testid="consent-delete-all"]');
  await consent.click('[data-testid="consent-delete-confirm"]');
  await waitFor(async () => total(await storeCounts(consent)) === 0, { message: 'every store empty after delete-all' });
});
