/**
 * Run an export from an extension page (popup or dashboard) and save its files. Blob URLs can't be made in an
 * MV3 service worker, so exports are started by the page: a dedicated export worker (./export-worker.ts) reads the
 * rows page by page and writes each file to disk (./disk-file.ts; a Blob where the browser has no OPFS), and the
 * page hands each finished file to the downloads API (or an `<a download>` click where it is missing).
 */
import { browser } from 'wxt/browser';
import { MIN_SALT_CHARS } from '../journeys/hash';
import type { Settings } from '../settings';
import { fileToBlob, type ExportFile, type ExportFormat } from './files';
import { buildManifest } from './json-bundle';
import { fileToDisk, opfs } from './disk-file';
import { produceExport } from './produce';
// Vite bundles the worker as a script of its own and gives its constructor.
import ExportWorker from './export-worker?worker';
import { parseWorkerMessage, type ExportRequest, type ToExportWorker } from './worker-protocol';

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

/** The export worker, or null where none can be started. */
function startExportWorker(): Worker | null {
  try {
    return new ExportWorker();
  } catch (e) {
    console.warn('[guangjie] export worker could not start; exporting in the page', e);
    return null;
  }
}

/**
 * Run one export in the export worker (./export-worker.ts), saving its files as they come. A worker that fails
 * before its first message (it could not load) is not the export failing: the export then runs in the page.
 */
function exportInWorker(worker: Worker, request: ExportRequest, onProgress?: (done: number, total: number) => void): Promise<'done' | 'no-worker'> {
  return new Promise((resolve, reject) => {
    let heard = false;
    let saving: Promise<unknown> = Promise.resolve();
    const end = (how: () => void) => {
      worker.terminate();
      how();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      end(() => (heard ? reject(new Error(`export worker failed: ${e.message || 'unknown error'}`)) : resolve('no-worker')));
    };
    worker.onmessage = (e) => {
      heard = true;
      const m = parseWorkerMessage(e.data);
      if (!m) return console.warn('[guangjie] unrecognised message from the export worker, skipped');
      switch (m.type) {
        case 'progress':
          return onProgress?.(m.done, m.total);
        case 'file':
          saving = saving.then(() => downloadBlob(m.filename, m.file));
          return;
        case 'done':
          return void saving.then(() => end(() => resolve('done')), (err) => end(() => reject(err)));
        case 'error':
          return end(() => reject(new Error(m.message)));
      }
    };
    worker.postMessage({ type: 'export', request } satisfies ToExportWorker);
  });
}

/**
 * Export everything in `format`. `ensureSalt` is asked only when pseudonymisation is on and no salt is stored
 * yet (it makes one and stores it through the background, so later exports use the same salt). The files are made
 * in the export worker where one can start, else here.
 */
export async function runExport(
  format: ExportFormat,
  settings: Settings,
  opts: { onProgress?(done: number, total: number): void; ensureSalt(): Promise<string>; now?: number },
): Promise<void> {
  const now = opts.now ?? Date.now();
  const pseudonymised = settings.pseudonymiseExports;
  const salt = pseudonymised ? (settings.pseudonymSalt.length >= MIN_SALT_CHARS ? settings.pseudonymSalt : await opts.ensureSalt()) : undefined;
  const manifest = buildManifest(settings, browser.runtime.getManifest().version, now, pseudonymised);
  const request: ExportRequest = { format, manifest, now, ...(salt === undefined ? {} : { salt }) };
  const worker = startExportWorker();
  if (worker && (await exportInWorker(worker, request, opts.onProgress)) === 'done') return;
  await produceExport(request, downloadBlob, opts.onProgress);
}
