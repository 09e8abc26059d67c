/**
 * An export written to a file on disk, in the extension's origin-private file system (OPFS), instead of a Blob:
 * a million-row export is hundreds of megabytes, which Chromium's blob storage keeps in the browser process's
 * memory until its in-memory limit. From disk, the download reads the file without it ever being held whole.
 * Files go to a folder of their own and are removed at the start of the next export (a download may still be
 * reading one now). Where OPFS or its writable streams are missing, the caller falls back to a Blob.
 */
import { textParts, type ExportFile } from './files';

/** The OPFS folder exports are written to. */
export const EXPORT_DIR = 'guangjie-exports';

/** The part of the OPFS API used here (typed locally: the DOM types vary across TypeScript versions). */
interface Writable { write(text: string): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> }
interface FileHandle { createWritable(): Promise<Writable>; getFile(): Promise<File> }
interface DirHandle {
  getDirectoryHandle(name: string, o?: { create?: boolean }): Promise<DirHandle>;
  getFileHandle(name: string, o?: { create?: boolean }): Promise<FileHandle>;
  removeEntry(name: string, o?: { recursive?: boolean }): Promise<void>;
}
export interface OpfsRoot { getDirectory(): Promise<DirHandle> }

/** The OPFS root, or undefined where there is none or it cannot write files. */
export function opfs(storage: unknown = globalThis.navigator?.storage): OpfsRoot | undefined {
  const s = storage as Partial<OpfsRoot> | undefined;
  const handleProto = (globalThis as { FileSystemFileHandle?: { prototype: object } }).FileSystemFileHandle?.prototype;
  return typeof s?.getDirectory === 'function' && !!handleProto && 'createWritable' in handleProto ? (s as OpfsRoot) : undefined;
}

/** Remove the files earlier exports left (best effort: a missing folder is fine). */
export async function clearOldExports(root: OpfsRoot): Promise<void> {
  const dir = await root.getDirectory();
  await dir.removeEntry(EXPORT_DIR, { recursive: true }).catch(() => undefined);
}

/**
 * Write the file's text to OPFS, a part (textParts) per write; the finished file, read from disk. The next part is
 * made while the last one is written (the write is done in the browser process): waiting for each write before
 * reading on left this page idle for a third of a million-row export. At most one part waits to be written.
 */
export async function fileToDisk(root: OpfsRoot, file: ExportFile, stamp = Date.now()): Promise<File> {
  const dir = await (await root.getDirectory()).getDirectoryHandle(EXPORT_DIR, { create: true });
  const handle = await dir.getFileHandle(`${stamp}-${file.filename}`, { create: true });
  const out = await handle.createWritable();
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const part of textParts(file.chunks)) {
      await writing;
      writing = out.write(part);
      writing.catch(() => undefined); // seen by the next await (or the one below); not unhandled meanwhile
    }
    await writing;
    await out.close();
  } catch (e) {
    await out.abort(e).catch(() => undefined); // nothing half-written is left as if it were whole
    throw e;
  }
  return handle.getFile();
}
