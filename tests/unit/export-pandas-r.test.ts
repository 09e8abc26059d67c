// @vitest-environment node
/**
 * Read exports back as researchers do in pandas (`read_csv`, `read_json(lines=True)`) and R (`read.csv`), with
 * Debian's python3-pandas and r-base-core (.ci/run installs them). Skipped, saying why, where they are absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { csvChunks, ITEM_COLUMNS, TOUCHPOINT_COLUMNS } from '../../utils/export/csv';
import { ndjsonChunks } from '../../utils/export/ndjson';
import { pageRows } from '../../utils/export/rows';
import { freshIndexedDb, openTestDb } from './background-fixtures';
import { allTouchpoints } from '../../utils/db/touchpoint-chunks';
import { collect, seedExportRows } from './export-fixtures';

const PYTHON = '/usr/bin/python3';
const RSCRIPT = '/usr/bin/Rscript';
const works = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;
const hasPandas = works(PYTHON, ['-c', 'import pandas']);
const hasR = works(RSCRIPT, ['-e', 'invisible(0)']);
if (!hasPandas) console.warn(`[export-pandas-r] ${PYTHON} with pandas not found (apt-get install python3-pandas): pandas checks skipped`);
if (!hasR) console.warn(`[export-pandas-r] ${RSCRIPT} not found (apt-get install r-base-core): R checks skipped`);

const dir = mkdtempSync(join(tmpdir(), 'guangjie-export-pr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run a script that prints JSON; its parsed output. */
function run(cmd: string, args: string[]): unknown {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function writeExports() {
  const db = await openTestDb();
  await seedExportRows(db, 9);
  const files = { tpCsv: join(dir, 'touchpoints.csv'), itemCsv: join(dir, 'items.csv'), tpNd: join(dir, 'touchpoints.ndjson') };
  writeFileSync(files.tpCsv, (await collect(csvChunks(pageRows(db, 'touchpoints', 4), TOUCHPOINT_COLUMNS))).join(''));
  writeFileSync(files.itemCsv, (await collect(csvChunks(pageRows(db, 'items'), ITEM_COLUMNS))).join(''));
  writeFileSync(files.tpNd, (await collect(ndjsonChunks(pageRows(db, 'touchpoints', 4)))).join(''));
  return { files, touchpoints: await allTouchpoints(db), items: await db.getAll('items') };
}

describe('exports read back by pandas and R', () => {
  beforeEach(freshIndexedDb);

  it.skipIf(!hasPandas)('pandas: touchpoint CSV and NDJSON give every row, id, dwell and tags; item descriptions survive', async () => {
    const { files, touchpoints, items } = await writeExports();
    const out = run(PYTHON, ['-c', `
import json, pandas as pd
t = pd.read_csv(${JSON.stringify(files.tpCsv)}, dtype=str, keep_default_na=False).sort_values('id')
n = pd.read_json(${JSON.stringify(files.tpNd)}, lines=True, dtype={'id': str}).sort_values('id')
i = pd.read_csv(${JSON.stringify(files.itemCsv)}, dtype=str, keep_default_na=False).sort_values('key')
print(json.dumps({'csv': t[['id', 'dwellMs', 'tags']].values.tolist(), 'nd': [[r['id'], r['tags']] for _, r in n.iterrows()], 'desc': i['desc'].tolist()}))
`]) as { csv: string[][]; nd: [string, string[]][]; desc: string[] };
    const byId = [...touchpoints].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(out.csv).toEqual(byId.map((t) => [t.id, t.dwellMs === undefined ? '' : String(t.dwellMs), t.tags.join(' ')]));
    expect(out.nd).toEqual(byId.map((t) => [t.id, t.tags]));
    expect(out.desc).toEqual([...items].sort((a, b) => (a.key < b.key ? -1 : 1)).map((x) => x.desc ?? ''));
  });

  it.skipIf(!hasR)('R: read.csv gives every touchpoint row with its id and session, and item descriptions intact', async () => {
    const { files, touchpoints, items } = await writeExports();
    // R prints each value as its UTF-8 bytes (decimal), one value a line, so no quoting can garble the check.
    const r = spawnSync(RSCRIPT, ['-e', `
t <- read.csv(${JSON.stringify(files.tpCsv)}, colClasses = "character", encoding = "UTF-8")
i <- read.csv(${JSON.stringify(files.itemCsv)}, colClasses = "character", encoding = "UTF-8")
bytes <- function(v) cat(paste0(sapply(v, function(s) paste(as.integer(charToRaw(enc2utf8(s))), collapse = " ")), "\\n"), sep = "")
cat("ids\\n"); bytes(sort(t$id))
cat("sessions\\n"); cat(length(unique(t$sessionId)), "\\n", sep = "")
cat("desc\\n"); bytes(i$desc[order(i$key)])
`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
    const decode = (line: string) => Buffer.from(line.trim() ? line.trim().split(' ').map(Number) : []).toString('utf8');
    const lines = r.stdout.split('\n');
    const at = (label: string) => lines.indexOf(label);
    const out = {
      ids: lines.slice(at('ids') + 1, at('sessions')).map(decode),
      sessions: Number(lines[at('sessions') + 1]),
      desc: lines.slice(at('desc') + 1, at('desc') + 1 + items.length).map(decode),
    };
    expect(out.ids).toEqual(touchpoints.map((t) => t.id).sort());
    expect(out.sessions).toBe(new Set(touchpoints.map((t) => t.sessionId)).size);
    // R's read.csv reads a CRLF inside a quoted field as LF (its own line handling); every other byte survives.
    expect(out.desc).toEqual([...items].sort((a, b) => (a.key < b.key ? -1 : 1)).map((x) => (x.desc ?? '').replace(/\r\n/g, '\n')));
  });
});
