import { beforeEach, describe, expect, it } from 'vitest';
import { csvChunks, csvField, ITEM_COLUMNS, TOUCHPOINT_COLUMNS } from '../../utils/export/csv';
import { exportFiles, fileToBlob } from '../../utils/export/files';
import { buildManifest, jsonBundleChunks } from '../../utils/export/json-bundle';
import { ndjsonChunks } from '../../utils/export/ndjson';
import { pageRows } from '../../utils/export/rows';
import { DB_VERSION } from '../../utils/db/schema';
import { DEFINITIONS_VERSION } from '../../utils/definitions-version';
import { freshIndexedDb, openTestDb, T0, tp } from './background-fixtures';
import { collect, parseCsv, seedExportRows } from './export-fixtures';
import { allTouchpoints, putTouchpointRows } from '../../utils/db/touchpoint-chunks';
import type { StoredTouchpoint } from '../../utils/db/schema';

const storedRows = (n: number): StoredTouchpoint[] => Array.from({ length: n }, () => ({ ...tp(), sessionId: 's', extVersion: 't', definitionsVersion: 1, recordedAt: T0 }));

const manifest = () => buildManifest({ studyId: 'study-1', participantId: 'p-42' }, '0.1.0', T0);

describe('export writers', () => {
  beforeEach(freshIndexedDb);

  it('page through a table in separate transactions, so the reader may await between pages', async () => {
    const db = await openTestDb();
    await seedExportRows(db, 7);
    const pages: number[] = [];
    for await (const page of pageRows(db, 'items', 2)) {
      pages.push(page.length);
      await new Promise((r) => setTimeout(r, 5)); // a transaction held open across this would be finished by now
    }
    expect(pages).toEqual([2, 2, 1]);
  });

  it('page touchpoints by whole chunks, about the rows asked for: small chunks gathered, a large one whole', async () => {
    const db = await openTestDb();
    await putTouchpointRows(db, storedRows(6), 1); // six one-row chunks, as a day of browsing leaves them
    await putTouchpointRows(db, storedRows(5), 5); // one chunk of five, as a burst or compaction leaves it
    const pages: number[] = [];
    for await (const page of pageRows(db, 'touchpoints', 3)) {
      pages.push(page.length);
      await new Promise((r) => setTimeout(r, 5));
    }
    // The first read assumes full chunks (one); it finds one row a chunk and asks for three next, which hold the
    // last two small chunks and the large one.
    expect(pages).toEqual([1, 3, 7]);
  });

  it('read pages ahead of the reader, each row once and in key order, and stop cleanly when the reader stops early', async () => {
    const db = await openTestDb();
    await putTouchpointRows(db, storedRows(9), 1);
    await seedExportRows(db, 0); // five items
    const all = (await allTouchpoints(db)).map((r) => r.id);
    for (const ahead of [0, 1, 3]) {
      const seen: unknown[] = [];
      for await (const page of pageRows(db, 'touchpoints', 2, ahead)) seen.push(...(page as Array<{ id: string }>).map((r) => r.id));
      expect(seen).toEqual(all);
    }
    for await (const page of pageRows(db, 'touchpoints', 3, 3)) {
      expect(page).toHaveLength(1);
      break; // three reads are still chained behind this page: nothing unhandled may come of them
    }
    const exact: number[] = []; // 5 items in pages of 3, two reads chained ahead
    for await (const page of pageRows(db, 'items', 3, 2)) exact.push(page.length);
    expect(exact).toEqual([3, 2]);
  });

  it('write NDJSON whose every line parses back to a stored row', async () => {
    const db = await openTestDb();
    await seedExportRows(db, 7);
    const text = (await collect(ndjsonChunks(pageRows(db, 'touchpoints', 2)))).join('');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l))).toEqual(await allTouchpoints(db));
  });

  it('write a JSON bundle with the manifest and every table', async () => {
    const db = await openTestDb();
    await seedExportRows(db, 5);
    const chunks = await collect(jsonBundleChunks(manifest(), { touchpoints: pageRows(db, 'touchpoints', 2), items: pageRows(db, 'items', 2) }));
    expect(chunks.length).toBeGreaterThan(4);
    const bundle = JSON.parse(chunks.join(''));
    expect(bundle.manifest).toMatchObject({ schemaVersion: DB_VERSION, extVersion: '0.1.0', exportedAt: new Date(T0).toISOString(),
      studyId: 'study-1', participantId: 'p-42', definitions: { definitionsVersion: DEFINITIONS_VERSION, sessionGapMin: 30 } });
    expect(bundle.tables.touchpoints).toEqual(await allTouchpoints(db));
    expect(bundle.tables.items).toEqual(await db.getAll('items'));
  });

  it('write a valid JSON bundle for an empty database', async () => {
    const db = await openTestDb();
    const [file] = exportFiles(db, 'json', manifest(), T0);
    const bundle = JSON.parse(await (await fileToBlob(file)).text());
    expect(bundle.tables).toEqual({ touchpoints: [], items: [], journeys: [], attribution: [] });
    expect(file.filename).toMatch(/^guangjie-export-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('quote CSV fields by RFC 4180', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
  });

  it('write CSV that reads back to the stored values, tags space-joined', async () => {
    const db = await openTestDb();
    await seedExportRows(db, 7);
    const text = (await collect(csvChunks(pageRows(db, 'touchpoints', 2), TOUCHPOINT_COLUMNS))).join('');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(TOUCHPOINT_COLUMNS.map((c) => c.name));
    const stored = await allTouchpoints(db);
    expect(rows).toHaveLength(stored.length);
    rows.forEach((cells, i) => {
      const rec = Object.fromEntries(header.map((h, j) => [h, cells[j]]));
      expect(rec.id).toBe(stored[i].id);
      expect(rec.brand).toBe(stored[i].brand ?? '');
      expect(rec.query).toBe(stored[i].query ?? '');
      expect(rec.tags).toBe(stored[i].tags.join(' '));
      expect(Number(rec.at)).toBe(stored[i].at);
    });
  });

  it('write item CSV with tag ids and the full tags as JSON', async () => {
    const db = await openTestDb();
    await seedExportRows(db, 1);
    const [header, ...rows] = parseCsv((await collect(csvChunks(pageRows(db, 'items'), ITEM_COLUMNS))).join(''));
    const stored = await db.getAll('items');
    const rec = Object.fromEntries(header.map((h, j) => [h, rows[0][j]]));
    expect(rec.tags).toBe('shop');
    expect(JSON.parse(rec.tagsJson)).toEqual(stored[0].tags);
    expect(rec.desc).toBe(stored[0].desc);
    expect(rows.map((r) => r[header.indexOf('desc')])).toEqual(stored.map((s) => s.desc));
  });

  it('name the per-table files by table and date, with a data dictionary per format', async () => {
    const db = await openTestDb();
    const names = (f: 'ndjson' | 'csv') => exportFiles(db, f, manifest(), T0).map((x) => x.filename);
    expect(names('ndjson')).toEqual([...['touchpoints', 'items', 'journeys', 'attribution'].map((t) => `guangjie-${t}-2025-03-01.ndjson`), 'guangjie-dictionary-2025-03-01.json']);
    expect(names('csv')).toEqual([...['touchpoints', 'items', 'journeys', 'attribution'].map((t) => `guangjie-${t}-2025-03-01.csv`), 'guangjie-columns-2025-03-01.csv']);
  });
});
