/**
 * Run an export from an extension page (popup or dashboard) and save its files. Blob URLs can't be made in an
 * MV3 service worker, so exports run in the page: rows are read page by page, written to a file on disk
 * (./disk-file.ts; a Blob of ~8 M-character parts where the browser has no OPFS), and handed to the downloads API
 * (or an `<a download>` click where it is missing).
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/connection';
import { MIN_SALT_CHARS } from '../journeys/hash';
import type { Settings } from '../settings';
import { ExportProgress, exportFiles, fileToBlob, startProgress, type ExportFile, type ExportFormat } from './files';
import { buildManifest } from './json-bundle';
import { clearOldExports, fileToDisk, opfs } from './disk-file';

export async function downloadBlob(filename: string, blob: Blob): Promise<void> {
  const url = URL.createObjectURL(blob);
  try {
    if (browser.downloads?.download) {
      await browser.downloads.download({ url, filename, saveAs: false });
    } else {
      const a = Object.assign(document.createElement('a'), { href: url, download: filename });
      document.body.append(a);
      a.click();
      a.remove();
    }
  } finally {
    // The download has its own reference by now; keep the URL a little longer for slow starts (Firefox).
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Save one export file: written to disk first where the browser can (./disk-file.ts), else made a Blob. */
export async function downloadExport(file: ExportFile): Promise<void> {
  const root = opfs();
  await downloadBlob(file.filename, root ? await fileToDisk(root, file) : await fileToBlob(file));
}

/**
 * Export everything in `format`. `ensureSalt` is asked only when pseudonymisation is on and no salt is stored
 * yet (it makes one and stores it through the background, so later exports use the same salt).
 */
export async function runExport(
  format: ExportFormat,
  settings: Settings,
  opts: { onProgress?(done: number, total: number): void; ensureSalt(): Promise<string>; now?: number },
): Promise<void> {
  const now = opts.now ?? Date.now();
  const db = await getDb();
  const pseudonymised = settings.pseudonymiseExports;
  const salt = pseudonymised ? (settings.pseudonymSalt.length >= MIN_SALT_CHARS ? settings.pseudonymSalt : await opts.ensureSalt()) : undefined;
  const root = opfs();
  if (root) await clearOldExports(root).catch((e) => console.warn('[guangjie] old export files', e));
  const progress = new ExportProgress(opts.onProgress);
  await startProgress(db, progress);
  const manifest = buildManifest(settings, browser.runtime.getManifest().version, now, pseudonymised);
  for (const file of exportFiles(db, format, manifest, now, { salt, progress })) await downloadExport(file);
}
