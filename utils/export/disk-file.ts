/**
 * An export written to a file on disk, in the extension's origin-private file system (OPFS), instead of a Blob:
 * a million-row export is hundreds of megabytes, which Chromium's blob storage keeps in the browser process's
 * memory until its in-memory limit. From disk, the download reads the file without it ever being held whole.
 * Files go to a folder of their own and are removed at the start of the next export (a download may still be
 * reading one now). Where OPFS or its writable streams are missing, the caller falls back to a Blob.
 */
import type { ExportFile } from './files';

/** The OPFS folder exports are written to. */
export const EXPORT_DIR = 'guangjie-exports';

/** The part of the OPFS API used here (typed locally: the DOM types vary across TypeScript versions). */
interface Writable { write(data: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> }
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
 * Bytes per write to disk: the size of each of the two reused buffers the text is encoded into. 4 MiB: a million
 * touchpoints make ~125 writes per 500 MB file, and nothing the size of a write is ever a JS string (see
 * ./text-pieces.ts for why big strings are avoided).
 */
export const WRITE_BYTES = 1 << 22;

/**
 * Write the file's text to OPFS as UTF-8; the finished file, read from disk. The text's pieces are encoded into one
 * of two reused buffers of WRITE_BYTES; a full buffer is written while the other fills (the write is done in the
 * browser process: waiting for each write before reading on left this page idle for a third of a million-row
 * export). At most one write is unfinished, and a buffer is filled again only once its write has finished.
 */
export async function fileToDisk(root: OpfsRoot, file: ExportFile, stamp = Date.now(), writeBytes = WRITE_BYTES): Promise<File> {
  const dir = await (await root.getDirectory()).getDirectoryHandle(EXPORT_DIR, { create: true });
  const handle = await dir.getFileHandle(`${stamp}-${file.filename}`, { create: true });
  const out = await handle.createWritable();
  const encoder = new TextEncoder();
  const buffers = [new Uint8Array(writeBytes), new Uint8Array(writeBytes)];
  let current = 0;
  let filled = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing; // the other buffer's write: it is the one filled next
    writing = out.write(buffers[current].subarray(0, filled));
    writing.catch(() => undefined); // seen by the next await (or the one below); not unhandled meanwhile
    current ^= 1;
    filled = 0;
  };
  try {
    for await (const piece of file.chunks) {
      let rest = piece;
      for (;;) {
        // encodeInto never splits a character: `read` ends on a whole one, so `rest` goes on from there.
        const { read, written } = encoder.encodeInto(rest, buffers[current].subarray(filled));
        filled += written;
        if (read === rest.length) break;
        if (filled === 0) throw new Error(`export write buffer of ${writeBytes} bytes is too small`);
        await flush();
        rest = rest.slice(read);
      }
    }
    if (filled) await flush();
    await writing;
    await out.close();
  } catch (e) {
    await out.abort(e).catch(() => undefined); // nothing half-written is left as if it were whole
    throw e;
  }
  return handle.getFile();
}
