/**
 * Where the lines go: stdout, or the --out file. Writes wait for 'drain', so a slow reader downstream (a pipe into
 * a database loader) holds the input back instead of letting output pile up in memory. A write error (disk full)
 * becomes a one-line error on the next write; stdout's EPIPE (`| head`) is handled in main.ts.
 */
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { EXIT, fileError, ioProblem } from './errors';

export interface LineWriter {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export function streamWriter(stream: Writable, name: string, closeAtEnd: boolean): LineWriter {
  let failed: unknown;
  stream.on('error', (err) => (failed = err));
  const check = (): void => {
    if (failed) throw fileError(name, ioProblem(failed, 'write'), EXIT.unreadable);
  };
  return {
    async write(text) {
      check();
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]).catch(() => undefined);
      check();
    },
    async close() {
      check();
      if (!closeAtEnd) return;
      stream.end();
      await Promise.race([once(stream, 'finish'), once(stream, 'error')]).catch(() => undefined);
      check();
    },
  };
}

/** The --out file, opened now so that a bad path fails before any input is read. */
export async function fileWriter(path: string): Promise<LineWriter> {
  try {
    const handle = await open(path, 'w');
    return streamWriter(handle.createWriteStream(), path, true);
  } catch (err) {
    throw fileError(path, ioProblem(err, 'write'), EXIT.unreadable);
  }
}
