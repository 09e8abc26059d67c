/**
 * The messages between an extension page and its export worker (./export-worker.ts), validated where received.
 * page → worker: one `export` request. worker → page: `progress` reports, a `file` per finished file (a File on
 * disk, or a Blob where there is no OPFS: both pass by reference, not copied), then `done` or `error`.
 */
import type { ExportFormat } from './files';
import type { ExportManifest } from './json-bundle';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'ndjson', 'csv'];

export interface ExportRequest {
  format: ExportFormat;
  manifest: ExportManifest;
  /** The export's time: file names and the manifest's date. Epoch milliseconds. */
  now: number;
  /** Pseudonymise with this salt (absent: ids as stored). */
  salt?: string;
}

export type ToExportWorker = { type: 'export'; request: ExportRequest };

export type FromExportWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'file'; filename: string; file: Blob }
  | { type: 'done' }
  | { type: 'error'; message: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** The request, or why it is not one. */
export function parseExportRequest(data: unknown): ExportRequest | string {
  if (!isRecord(data) || data.type !== 'export' || !isRecord(data.request)) return 'not an export request';
  const { format, manifest, now, salt } = data.request;
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) return `unknown export format ${JSON.stringify(format)}`;
  if (!isRecord(manifest) || typeof manifest.schemaVersion !== 'number' || typeof manifest.exportedAt !== 'string') return 'export request without a manifest';
  if (!isCount(now)) return 'export request without a time';
  if (salt !== undefined && typeof salt !== 'string') return 'export salt is not a string';
  return { format: format as ExportFormat, manifest: manifest as unknown as ExportManifest, now, ...(salt === undefined ? {} : { salt }) };
}

/** The worker's message, or null when it is none of the four. */
export function parseWorkerMessage(data: unknown): FromExportWorker | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'progress':
      return isCount(data.done) && isCount(data.total) ? { type: 'progress', done: data.done, total: data.total } : null;
    case 'file':
      return typeof data.filename === 'string' && data.file instanceof Blob ? { type: 'file', filename: data.filename, file: data.file } : null;
    case 'done':
      return { type: 'done' };
    case 'error':
      return { type: 'error', message: typeof data.message === 'string' ? data.message : 'export failed' };
    default:
      return null;
  }
}
