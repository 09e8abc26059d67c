/**
 * What each export button produces: a list of files, each a name, a MIME type and its chunks. The chunks are
 * produced lazily (reading the database page by page) when the caller iterates them.
 *   json   → guangjie-export-<date>.json (manifest, dictionary, every table), guangjie-dictionary-<date>.json
 *   ndjson → guangjie-<table>-<date>.ndjson per table, guangjie-dictionary-<date>.json (JSON Schema, $defs per table)
 *   csv    → guangjie-<table>-<date>.csv per table (columns: utils/export/csv.ts), guangjie-columns-<date>.csv
 * Tables: touchpoints, items, journeys, attribution (journeys and credit: utils/export/journey-tables.ts).
 */
import type { GuangjieDb } from '../db/schema';
import type { JourneyRow } from '../journeys/rows';
import type { StoredItem, StoredTouchpoint } from '../db/schema';
import { dayKey } from '../background/aggregates';
import { CSV_COLUMNS, csvChunks } from './csv';
import { bundleJsonSchema, columnListCsv } from './dictionary';
import { jsonBundleChunks, type ExportManifest } from './json-bundle';
import { buildJourneyTables, inPages, JourneyInputGatherer, journeyTablesFrom, regroup, type JourneyTables } from './journey-tables';
import { ndjsonChunks } from './ndjson';
import { rowPseudonymiser } from './pseudonymise';
import { pageRows } from './rows';
import { countTouchpoints } from '../db/touchpoint-chunks';

export type ExportFormat = 'json' | 'ndjson' | 'csv';
export const EXPORT_TABLES = ['touchpoints', 'items', 'journeys', 'attribution'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export interface ExportFile {
  filename: string;
  mime: string;
  chunks: AsyncIterable<string>;
}

/** Least time between two progress reports (each re-renders the page showing the bar). Milliseconds. */
export const PROGRESS_REPORT_MS = 100;

/**
 * Rows done out of rows to do, for a progress bar. `total` grows once the journey tables are built. Reports are
 * spaced PROGRESS_REPORT_MS apart (a million-row export makes thousands of pages); the last one always goes out.
 */
export class ExportProgress {
  done = 0;
  total = 0;
  private lastReport = -Infinity;
  constructor(
    private readonly onChange?: (done: number, total: number) => void,
    private readonly clock: () => number = () => Date.now(),
  ) {}
  add(rows: number): void {
    this.done += rows;
    this.report();
  }
  grow(rows: number): void {
    this.total += rows;
    this.report();
  }
  private report(): void {
    const now = this.clock();
    if (!this.onChange || (now - this.lastReport < PROGRESS_REPORT_MS && this.done < this.total)) return;
    this.lastReport = now;
    this.onChange(this.done, Math.max(this.total, this.done));
  }
}

export interface ExportOptions {
  /** When set, creator, shop and room ids are replaced by salted hashes (say so in the manifest). */
  salt?: string;
  progress?: ExportProgress;
}

/**
 * The work before any journey is known: every touchpoint and item read once. (Journey inputs are gathered while
 * the touchpoints table is written; a separate scan, when one is needed, adds its rows as it goes.)
 */
export async function startProgress(db: GuangjieDb, progress: ExportProgress): Promise<void> {
  const [touchpoints, items] = await Promise.all([countTouchpoints(db), db.count('items')]);
  progress.grow(touchpoints + items);
}

async function* mapPages<T, U>(
  pages: AsyncIterable<T[]>,
  fn: ((row: T) => Promise<U>) | undefined,
  progress?: ExportProgress,
  onEnd?: () => void,
): AsyncGenerator<U[]> {
  for await (const page of pages) {
    const out = fn ? await Promise.all(page.map(fn)) : (page as unknown as U[]);
    progress?.add(page.length);
    yield out;
  }
  onEnd?.();
}

/** Pages passed through unchanged, each shown to `see` first. */
async function* tap<T>(pages: AsyncIterable<T[]>, see: (page: T[]) => void): AsyncGenerator<T[]> {
  for await (const page of pages) {
    see(page);
    yield page;
  }
}

/** Each table as pages of export rows, pseudonymised when asked; journeys are built once, on first use. */
function tableSource(db: GuangjieDb, opts: ExportOptions): (table: ExportTableName) => AsyncIterable<unknown[]> {
  const p = opts.salt ? rowPseudonymiser(opts.salt) : undefined;
  const progress = opts.progress;
  // Journey inputs gathered from the touchpoints table's own pages as they stream past, so a million-row export
  // reads the table once. Only a complete pass counts: if the table was not read to its end before the journeys
  // are wanted, they are read by a scan of their own.
  const gathered = new JourneyInputGatherer();
  let gatheredAll = false;
  let journeys: Promise<JourneyTables> | undefined;
  const scanned = (n: number) => {
    progress?.grow(n);
    progress?.add(n);
  };
  const journeyTables = () =>
    (journeys ??= (gatheredAll ? Promise.resolve(journeyTablesFrom(gathered.inputs, true)) : buildJourneyTables(db, scanned)).then((t) => {
      gathered.inputs.length = 0; // handed over to the journeys; the gatherer's copy is not needed again
      progress?.grow(t.journeys.length + t.attributionRows);
      return t;
    }));
  async function* lazy<T>(get: () => Promise<readonly T[]>, fn?: (row: T) => Promise<unknown>): AsyncGenerator<unknown[]> {
    yield* mapPages(inPages(await get()), fn, progress);
  }
  return (table) => {
    switch (table) {
      case 'touchpoints':
        return mapPages(
          tap(pageRows(db, 'touchpoints') as AsyncIterable<StoredTouchpoint[]>, (page) => journeys || gathered.take(page)),
          p && ((r) => p.touchpoint(r)),
          progress,
          () => (gatheredAll = !journeys),
        );
      case 'items':
        return mapPages(pageRows(db, 'items') as AsyncIterable<StoredItem[]>, p && ((r) => p.item(r)), progress);
      case 'journeys':
        return lazy(async () => (await journeyTables()).journeys, p && ((r: JourneyRow) => p.journey(r)));
      case 'attribution':
        return (async function* () {
          yield* mapPages(regroup((await journeyTables()).attribution()), undefined, progress);
        })();
    }
  };
}

async function* once(text: () => string): AsyncGenerator<string> {
  yield text();
}

export function exportFiles(db: GuangjieDb, format: ExportFormat, manifest: ExportManifest, now: number, opts: ExportOptions = {}): ExportFile[] {
  const date = dayKey(now);
  const rows = tableSource(db, opts);
  const schemaFile: ExportFile = {
    filename: `guangjie-dictionary-${date}.json`,
    mime: 'application/schema+json',
    chunks: once(() => JSON.stringify(bundleJsonSchema(), null, 2)),
  };
  switch (format) {
    case 'json':
      return [{
        filename: `guangjie-export-${date}.json`,
        mime: 'application/json',
        chunks: jsonBundleChunks(manifest, Object.fromEntries(EXPORT_TABLES.map((t) => [t, rows(t)])), bundleJsonSchema()),
      }, schemaFile];
    case 'ndjson':
      return [
        ...EXPORT_TABLES.map((t) => ({ filename: `guangjie-${t}-${date}.ndjson`, mime: 'application/x-ndjson', chunks: ndjsonChunks(rows(t)) })),
        schemaFile,
      ];
    case 'csv':
      return [
        ...EXPORT_TABLES.map((t) => ({ filename: `guangjie-${t}-${date}.csv`, mime: 'text/csv', chunks: csvChunks(rows(t), CSV_COLUMNS[t]) })),
        { filename: `guangjie-columns-${date}.csv`, mime: 'text/csv', chunks: once(() => columnListCsv(CSV_COLUMNS)) },
      ];
  }
}

/**
 * Characters in one part (a Blob part, or one write to disk): small chunks are gathered up to it, so a file is not
 * made of thousands of tiny writes; a chunk this big already (a page of rows) goes on as it is — joining it to
 * others would copy hundreds of megabytes over a large export. Parts stay small enough to keep the heap small.
 */
export const BLOB_PART_CHARS = 1 << 21;

/** A file's chunks as parts of at least BLOB_PART_CHARS characters (but the last), so the text never sits whole in the heap. */
export async function* textParts(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending: string[] = [];
  let pendingChars = 0;
  const gathered = () => {
    const part = pending.length === 1 ? pending[0] : pending.join('');
    pending = [];
    pendingChars = 0;
    return part;
  };
  for await (const chunk of chunks) {
    if (chunk.length >= BLOB_PART_CHARS) {
      if (pending.length) yield gathered();
      yield chunk;
      continue;
    }
    pending.push(chunk);
    pendingChars += chunk.length;
    if (pendingChars >= BLOB_PART_CHARS) yield gathered();
  }
  if (pending.length) yield gathered();
}

/** Collect a file's text into a Blob, a part at a time. */
export async function fileToBlob(file: ExportFile): Promise<Blob> {
  const parts: Blob[] = [];
  for await (const part of textParts(file.chunks)) parts.push(new Blob([part]));
  return new Blob(parts, { type: file.mime });
}
