/**
 * What each export button produces: a list of files, each a name, a MIME type and its chunks. The chunks are
 * produced lazily (reading the database page by page) when the caller iterates them.
 *   json   → guangjie-export-<date>.json (every table plus the manifest)
 *   ndjson → guangjie-touchpoints-<date>.ndjson, guangjie-items-<date>.ndjson
 *   csv    → guangjie-touchpoints-<date>.csv, guangjie-items-<date>.csv (columns: utils/export/csv.ts)
 */
import type { GuangjieDb } from '../db/schema';
import { dayKey } from '../background/aggregates';
import { csvChunks, ITEM_COLUMNS, TOUCHPOINT_COLUMNS } from './csv';
import { jsonBundleChunks, type ExportManifest } from './json-bundle';
import { ndjsonChunks } from './ndjson';
import { pageRows, type ExportTable } from './rows';

export type ExportFormat = 'json' | 'ndjson' | 'csv';

export interface ExportFile {
  filename: string;
  mime: string;
  chunks: AsyncIterable<string>;
}

const TABLES: ExportTable[] = ['touchpoints', 'items'];

export function exportFiles(db: GuangjieDb, format: ExportFormat, manifest: ExportManifest, now: number): ExportFile[] {
  const date = dayKey(now);
  switch (format) {
    case 'json':
      return [{
        filename: `guangjie-export-${date}.json`,
        mime: 'application/json',
        chunks: jsonBundleChunks(manifest, Object.fromEntries(TABLES.map((t) => [t, pageRows(db, t)]))),
      }];
    case 'ndjson':
      return TABLES.map((t) => ({ filename: `guangjie-${t}-${date}.ndjson`, mime: 'application/x-ndjson', chunks: ndjsonChunks(pageRows(db, t)) }));
    case 'csv':
      return TABLES.map((t) => ({
        filename: `guangjie-${t}-${date}.csv`,
        mime: 'text/csv',
        chunks: csvChunks(pageRows(db, t), t === 'touchpoints' ? TOUCHPOINT_COLUMNS : ITEM_COLUMNS),
      }));
  }
}

/** Collect a file's chunks into a Blob (the download needs one; a streaming writer could take the chunks instead). */
export async function fileToBlob(file: ExportFile, onProgress?: (chars: number) => void): Promise<Blob> {
  const parts: string[] = [];
  let chars = 0;
  for await (const chunk of file.chunks) {
    parts.push(chunk);
    chars += chunk.length;
    onProgress?.(chars);
  }
  return new Blob(parts, { type: file.mime });
}
