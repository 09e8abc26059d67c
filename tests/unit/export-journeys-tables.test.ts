// @vitest-environment node
/** The journeys and attribution tables in every export format, the data dictionaries, pseudonymisation, progress. */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { writeItems, writeTouchpoints } from '../../utils/background/touchpoint-writer';
import type { GuangjieDb } from '../../utils/db/schema';
import { CSV_COLUMNS } from '../../utils/export/csv';
import { bundleJsonSchema, TABLE_FIELDS } from '../../utils/export/dictionary';
import { ExportProgress, exportFiles, fileToBlob, startProgress, type ExportFile } from '../../utils/export/files';
import { buildManifest } from '../../utils/export/json-bundle';
import { DEFINITIONS_VERSION } from '../../utils/definitions-version';
import { freshIndexedDb, item, MIN, openTestDb, T0, tp } from './background-fixtures';

const SALT = '0123456789abcdef0123';
const dir = mkdtempSync(join(tmpdir(), 'guangjie-journeys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = async (f: ExportFile) => (await fileToBlob(f)).text();
const byName = (files: ExportFile[], part: string) => files.find((f) => f.filename.includes(part))!;

async function seed(db: GuangjieDb) {
  await writeTouchpoints(db, [
    tp({ id: 'plain', at: T0 - MIN }),
    tp({ id: 'imp', at: T0, tags: ['ad', 'shop', 'alliance'], adKind: 'closed-loop-product', productId: 'p1', shopId: 'shop-1', authorId: 'author-1', brand: 'Brand, "A"' }),
    tp({ id: 'click', at: T0 + MIN, type: 'product-click', tags: ['ad', 'shop'], productId: 'p1', shopId: 'shop-1' }),
    tp({ id: 'view', at: T0 + 2 * MIN, type: 'product-view', surface: 'product-page', productId: 'p1', shopId: 'shop-1' }),
  ], { extVersion: '0.1.0', now: T0 + 3 * MIN });
  await writeItems(db, [item({ authorId: 'author-1', authorName: 'Someone', shopIds: ['shop-1'] })], { extVersion: '0.1.0', now: T0 });
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  return (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

describe('journey and attribution export tables', () => {
  beforeEach(freshIndexedDb);

  it('put journeys and credit in the JSON bundle with the manifest and the dictionary, and count progress to the end', async () => {
    const db = await openTestDb();
    await seed(db);
    const seen: Array<[number, number]> = [];
    const progress = new ExportProgress((done, total) => seen.push([done, total]));
    await startProgress(db, progress);
    const files = exportFiles(db, 'json', buildManifest({ studyId: 's1', participantId: 'p1' }, '0.1.0', T0), T0, { progress });
    const bundle = JSON.parse(await text(files[0]));
    expect(bundle.manifest).toMatchObject({ studyId: 's1', participantId: 'p1', pseudonymised: false, definitions: { definitionsVersion: DEFINITIONS_VERSION } });
    expect(bundle.dictionary.$defs.journeys.required).toContain('mode');
    expect(bundle.tables.journeys).toEqual([expect.objectContaining({ id: 'conv:view', mode: 'browse', converted: true, conversionType: 'product-view', touchpointIds: ['imp', 'click', 'view'] })]);
    const lastTouch = bundle.tables.attribution.filter((c: { model: string }) => c.model === 'last-touch');
    expect(lastTouch).toEqual([
      { journeyId: 'conv:view', touchpointId: 'imp', model: 'last-touch', credit: 0 },
      { journeyId: 'conv:view', touchpointId: 'click', model: 'last-touch', credit: 1 },
    ]);
    const [done, total] = seen[seen.length - 1];
    expect(done).toBe(total);
    // every touchpoint read once (journey inputs are gathered from the table's own pages), every item once,
    // then the journey and credit rows: a second scan of the touchpoints would add 4
    expect(total).toBe(4 + 1 + 1 + bundle.tables.attribution.length);
    expect(JSON.parse(await text(files[1])).$defs.attribution.properties.credit.type).toBe('number');
  });

  it('build the same journeys by a scan of their own when they are read before the touchpoints table', async () => {
    const db = await openTestDb();
    await seed(db);
    const now = T0;
    const manifest = buildManifest({ studyId: '', participantId: '' }, '0.1.0', T0);
    const inOrder = exportFiles(db, 'ndjson', manifest, now);
    const expected = [];
    for (const f of inOrder.slice(0, 4)) expected.push(await text(f));
    const progress = new ExportProgress();
    await startProgress(db, progress);
    const [tps, items, journeys, credits] = exportFiles(db, 'ndjson', manifest, now, { progress });
    const early = [await text(journeys), await text(credits)];
    expect(early).toEqual([expected[2], expected[3]]);
    expect(expected[2]).toContain('conv:view');
    expect([await text(tps), await text(items)]).toEqual([expected[0], expected[1]]);
    expect(progress.done).toBe(progress.total);
  });

  it('replace creator, shop and room ids with salted hashes when asked, everywhere', async () => {
    const db = await openTestDb();
    await seed(db);
    const files = exportFiles(db, 'json', buildManifest({ studyId: '', participantId: '' }, '0.1.0', T0, true), T0, { salt: SALT });
    const raw = await text(files[0]);
    expect(raw).not.toContain('shop-1');
    expect(raw).not.toContain('author-1');
    expect(raw).not.toContain('Someone');
    const bundle = JSON.parse(raw);
    expect(bundle.manifest.pseudonymised).toBe(true);
    const imp = bundle.tables.touchpoints.find((t: { id: string }) => t.id === 'imp');
    expect(imp.shopId).toMatch(/^h_[0-9a-f]{64}$/);
    expect(bundle.tables.journeys[0].shopId).toBe(imp.shopId);
    expect(bundle.tables.items[0].shopIds).toEqual([imp.shopId]);
    expect(imp.productId).toBe('p1');
  });

  it('write CSV and NDJSON that DuckDB reads back field for field, with column lists that match the headers', async () => {
    const db = await openTestDb();
    await seed(db);
    const manifest = buildManifest({ studyId: '', participantId: '' }, '0.1.0', T0);
    const csv = exportFiles(db, 'csv', manifest, T0);
    const ndjson = exportFiles(db, 'ndjson', manifest, T0);
    const write = async (f: ExportFile) => { const p = join(dir, f.filename); writeFileSync(p, await text(f)); return `'${p}'`; };
    const journeys = await query(`select * from read_csv(${await write(byName(csv, 'journeys'))}, header = true, all_varchar = true)`);
    expect(journeys).toEqual([expect.objectContaining({ id: 'conv:view', converted: 'true', touchpointIds: 'imp click view', brand: null, shopId: 'shop-1' })]);
    const credit = await query(`select model, sum(credit) as total from read_csv(${await write(byName(csv, 'attribution'))}, header = true) group by model order by model`);
    expect(credit).toHaveLength(6);
    for (const row of credit) expect(Number(row.total)).toBeCloseTo(1);
    const nd = await query(`select journeyId, touchpointId, model, credit from read_json_auto(${await write(byName(ndjson, 'attribution'))}) where model = 'first-touch' order by touchpointId`);
    expect(nd).toEqual([{ journeyId: 'conv:view', touchpointId: 'click', model: 'first-touch', credit: 0 }, { journeyId: 'conv:view', touchpointId: 'imp', model: 'first-touch', credit: 1 }]);
    const ndJourneys = await query(`select id, touchpointIds from read_json_auto(${await write(byName(ndjson, 'journeys'))})`);
    expect(ndJourneys).toEqual([{ id: 'conv:view', touchpointIds: ['imp', 'click', 'view'] }]);
    const columns = await query(`select "table", "column" from read_csv(${await write(byName(csv, 'columns'))}, header = true)`);
    for (const [table, cols] of Object.entries(CSV_COLUMNS)) {
      expect(columns.filter((c) => c.table === table).map((c) => c.column)).toEqual(cols.map((c) => c.name));
    }
  });

  it('document every exported field in the JSON Schema', () => {
    const schema = bundleJsonSchema() as { $defs: Record<string, { properties: Record<string, unknown> }> };
    for (const [table, cols] of Object.entries(CSV_COLUMNS)) {
      for (const c of cols) if (c.name !== 'tagsJson') expect(schema.$defs[table].properties[c.name], `${table}.${c.name}`).toBeTruthy();
    }
    expect(TABLE_FIELDS.attribution.map((f) => f.name)).toEqual(['journeyId', 'touchpointId', 'model', 'credit']);
  });
});
