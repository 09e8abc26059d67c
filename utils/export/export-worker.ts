/**
 * The export worker: a dedicated worker an extension page starts for one export and ends after it (save.ts).
 *
 * Why a worker: a million-row export reads and writes about a gigabyte of rows and text, and its journey tables
 * hold ~300,000 touches at once. V8 sizes a heap's next collection limit from what the heap held at its last one,
 * so in the page's own heap one export's journey state raised the limit for the next export in the same page
 * (peaks of 300–400 MB). A worker's heap is its own and is freed whole when it ends; the page stays responsive.
 */
import { produceExport } from './produce';
import { parseExportRequest, type FromExportWorker } from './worker-protocol';

/** The dedicated worker's global scope (typed locally: the DOM and WebWorker libraries can't both be loaded). */
const scope = globalThis as unknown as { postMessage(m: FromExportWorker): void; onmessage: ((e: MessageEvent) => void) | null };

scope.onmessage = async (e: MessageEvent) => {
  const request = parseExportRequest(e.data);
  if (typeof request === 'string') return scope.postMessage({ type: 'error', message: `export worker: ${request}` });
  try {
    await produceExport(
      request,
      (filename, file) => scope.postMessage({ type: 'file', filename, file }),
      (done, total) => scope.postMessage({ type: 'progress', done, total }),
    );
    scope.postMessage({ type: 'done' });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
