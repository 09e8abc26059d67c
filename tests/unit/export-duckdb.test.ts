// @vitest-environment node
/**
 * Read exports back with an independent reader (DuckDB's CSV and JSON readers), as a researcher would.
 * Node environment: DuckDB is a native module; fake-indexeddb (tests/unit/setup.ts) works the same here.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { csvChunks, ITEM_COLUMNS, TOUCHPOINT_COLUMNS } from '../../utils/export/csv';
import { ndjsonChunks } from '../../utils/export/ndjson';
import { pageRows } from '../../utils/export/rows';
import { freshIndexedDb, openTestDb } from './background-fixtures';
import { collect, seedExportRows } from './export-fixtures';
import { allTouchpoints } from '../../utils/db/touchpoint-chunks';

const dir = mkdtempSync(join(tmpdir(), 'guangjie-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  return (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}
const sqlPath = (p: string) => `'${p.replace(/'/g, "''")}'`;

describe('exports read back by DuckDB', () => {
  beforeEach(freshIndexedDb);

  it('touchpoint CSV: every row and field as stored', async () => {
    const db = await openTestDb();
    await seedExportRows(db, 9);
    const file = join(dir, 'touchpoints.csv');
    writeFileSync(file, (await collect(csvChunks(pageRows(db, 'touchpoints', 4), TOUCHPOINT_COLUMNS))).join(''));
    const rows = await query(`select * from read_csv(${sqlPath(file)}, header = true, all_varchar = true, quote = '"', escape = '"') order by id`);
    const stored = await allTouchpoints(db);
    expect(rows).toHaveLength(stored.length);
    rows.forEach((row, i) => {
      const want = stored[i];
      expect(row.id).toBe(want.id);
      expect(row.brand ?? undefined).toBe(want.brand);
      expect(row.query ?? undefined).toBe(want.query);
      expect(row.tags ?? '').toBe(want.tags.join(' '));
      expect(Number(row.dwellMs)).toBe(want.dwellMs);
      expect(row.sessionId).toBe(want.sessionId);
    });
  });

  it('item CSV: descriptions with quotes, commas and line breaks survive', async () => {
    const db = await openTestDb();
    await seedExportRows(db, 1);
    const file = join(dir, 'items.csv');
    writeFileSync(file, (await collect(csvChunks(pageRows(db, 'items'), ITEM_COLUMNS))).join(''));
    const rows = await query(`select key, "desc", authorName, tagsJson from read_csv(${sqlPath(file)}, header = true, all_varchar = true, quote = '"', escape = '"') order by key`);
    const stored = await db.getAll('items');
    expect(rows.map((r) => [r.key, r.desc, r.authorName])).toEqual(stored.map((s) => [s.key, s.desc, s.authorName]));
    expect(JSON.parse(rows[0].tagsJson as string)).toEqual(stored[0].tags);
  });

  it('touchpoint NDJSON: read_json_auto gives the same ids, times and tags', async () => {
    const db = await openTestDb();
    await seedExportRows(db, 9);
    const file = join(dir, 'touchpoints.ndjson');
    writeFileSync(file, (await collect(ndjsonChunks(pageRows(db, 'touchpoints', 4)))).join(''));
    const rows = await query(`select id, "at", tags, brand from read_json_auto(${sqlPath(file)}, format = 'newline_delimited') order by id`);
    const stored = await allTouchpoints(db);
    expect(rows.map((r) => [r.id, Number(r.at), r.tags, r.brand ?? undefined])).toEqual(stored.map((s) => [s.id, s.at, s.tags, s.brand]));
  });
});
