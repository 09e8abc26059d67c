import { describe, expect, it } from 'vitest';
import { clearOldExports, EXPORT_DIR, fileToDisk, WRITE_BYTES, type OpfsRoot } from '../../utils/export/disk-file';
import type { ExportFile } from '../../utils/export/files';

/** An in-memory stand-in for the OPFS calls used: records every write and whether the file was closed or aborted. */
function fakeOpfs() {
  const files = new Map<string, { writes: Uint8Array[]; state: 'open' | 'closed' | 'aborted' }>();
  const removed: string[] = [];
  const dir = (prefix: string) => ({
    getDirectoryHandle: async (name: string) => dir(`${prefix}${name}/`),
    removeEntry: async (name: string) => void removed.push(`${prefix}${name}`),
    getFileHandle: async (name: string) => {
      const f = { writes: [] as Uint8Array[], state: 'open' as 'open' | 'closed' | 'aborted' };
      files.set(`${prefix}${name}`, f);
      return {
        createWritable: async () => ({
          // A copy, as the browser's write takes the bytes: the writer reuses its buffers after the write resolves.
          write: async (bytes: Uint8Array) => void f.writes.push(bytes.slice()),
          close: async () => void (f.state = 'closed'),
          abort: async () => void (f.state = 'aborted'),
        }),
        getFile: async () => new File(f.writes as BlobPart[], name),
      };
    },
  });
  const root: OpfsRoot = { getDirectory: async () => dir('') };
  return { root, files, removed };
}

const fileOf = (chunks: string[], fail = false): ExportFile => ({
  filename: 'guangjie-touchpoints-2026-11-26.ndjson',
  mime: 'application/x-ndjson',
  chunks: (async function* () {
    for (const c of chunks) yield c;
    if (fail) throw new Error('disk full');
  })(),
});

describe('exports written to disk (OPFS)', () => {
  it('write the text in order as UTF-8, in writes of WRITE_BYTES, and give back the whole file', async () => {
    const { root, files } = fakeOpfs();
    const piece = 'x'.repeat(WRITE_BYTES / 4);
    const file = await fileToDisk(root, fileOf([...Array(10)].map((_, i) => `${i}${piece}`)), 7);
    const written = files.get(`${EXPORT_DIR}/7-guangjie-touchpoints-2026-11-26.ndjson`)!;
    expect(written.state).toBe('closed');
    expect(written.writes.map((w) => w.length)).toEqual([WRITE_BYTES, WRITE_BYTES, 10 * (piece.length + 1) - 2 * WRITE_BYTES]);
    const text = await file.text();
    expect(text.length).toBe(10 * (piece.length + 1));
    expect([...Array(10)].map((_, i) => text[i * (piece.length + 1)]).join('')).toBe('0123456789');
  });

  it('never split a character between two writes (Chinese, emoji and CRLF across every buffer edge)', async () => {
    const text = '逛街,"带货 🛒",卖场\r\n'.repeat(40) + 'end 📍';
    for (const writeBytes of [4, 5, 7, 13, 64]) {
      const { root, files } = fakeOpfs();
      const file = await fileToDisk(root, fileOf([text.slice(0, 50), text.slice(50, 51), text.slice(51)]), writeBytes, writeBytes);
      const writes = files.get(`${EXPORT_DIR}/${writeBytes}-guangjie-touchpoints-2026-11-26.ndjson`)!.writes;
      expect(writes.every((w) => w.length <= writeBytes)).toBe(true);
      for (const w of writes) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(w)).not.toThrow();
      expect(await file.text()).toBe(text);
    }
  });

  it('reject a buffer too small for one character instead of looping', async () => {
    const { root } = fakeOpfs();
    await expect(fileToDisk(root, fileOf(['逛']), 3, 2)).rejects.toThrow(/too small/);
  });

  it('fill the next buffer while the last is being written, with at most one write unfinished', async () => {
    const pulled: number[] = [];
    const writesDone: Array<() => void> = [];
    let writing = 0;
    let most = 0;
    const handle = {
      createWritable: async () => ({
        write: (_: Uint8Array) => new Promise<void>((ok) => {
          most = Math.max(most, ++writing);
          writesDone.push(() => { writing--; ok(); });
        }),
        close: async () => undefined,
        abort: async () => undefined,
      }),
      getFile: async () => new File([], 'x'),
    };
    const root: OpfsRoot = { getDirectory: async () => ({ getDirectoryHandle: async () => ({ getFileHandle: async () => handle }) }) as never };
    const chunks = (async function* () {
      for (let i = 0; i < 3; i++) {
        pulled.push(writing); // how many writes were unfinished when this piece was asked for
        yield 'x'.repeat(16); // one buffer each
      }
    })();
    const done = fileToDisk(root, { filename: 'f', mime: 'text/plain', chunks }, 1, 16);
    for (let i = 0; i < 20 && writesDone.length < 3; i++) {
      await new Promise((r) => setTimeout(r, 0));
      writesDone[writesDone.length - 1]?.();
    }
    await done;
    expect(pulled).toEqual([0, 0, 1]); // piece 3 was encoded while piece 2's buffer was still being written
    expect(most).toBe(1);
  });

  it('abort the file when the rows fail midway, and pass the error on', async () => {
    const { root, files } = fakeOpfs();
    await expect(fileToDisk(root, fileOf(['a', 'b'], true), 1)).rejects.toThrow('disk full');
    expect(files.get(`${EXPORT_DIR}/1-guangjie-touchpoints-2026-11-26.ndjson`)!.state).toBe('aborted');
  });

  it('clear the files earlier exports left', async () => {
    const { root, removed } = fakeOpfs();
    await clearOldExports(root);
    expect(removed).toEqual([EXPORT_DIR]);
  });
});
