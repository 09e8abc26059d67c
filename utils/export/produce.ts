/**
 * Make an export's files, one after another, each handed to `onFile` when finished: written to disk where the
 * browser can (./disk-file.ts), else a Blob of ~2 M-character parts. No extension API is used here, so this runs
 * in the export worker (./export-worker.ts) or, where no worker can be started, in the page itself.
 */
import { getDb } from '../db/connection';
import { clearOldExports, fileToDisk, opfs } from './disk-file';
import { ExportProgress, exportFiles, fileToBlob, startProgress } from './files';
import type { ExportRequest } from './worker-protocol';

export async function produceExport(
  request: ExportRequest,
  onFile: (filename: string, file: Blob) => unknown,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const db = await getDb();
  const root = opfs();
  if (root) await clearOldExports(root).catch((e) => console.warn('[guangjie] old export files', e));
  const progress = new ExportProgress(onProgress);
  await startProgress(db, progress);
  for (const file of exportFiles(db, request.format, request.manifest, request.now, { salt: request.salt, progress })) {
    await onFile(file.filename, root ? await fileToDisk(root, file) : await fileToBlob(file));
  }
}
