import { describe, expect, it } from 'vitest';
import { clearOldExports, EXPORT_DIR, fileToDisk, type OpfsRoot } from '../../utils/export/disk-file';
import { BLOB_PART_CHARS, type ExportFile } from '../../utils/export/files';

/** An in-memory stand-in for the OPFS calls used: records every write and whether the file was closed or aborted. */
function fakeOpfs() {
  const files = new Map<string, { writes: string[]; state: 'open' | 'closed' | 'aborted' }>();
  const removed: string[] = [];
  const dir = (prefix: string) => ({
    getDirectoryHandle: async (name: string) => dir(`${prefix}${name}/`),
    removeEntry: async (name: string) => void removed.push(`${prefix}${name}`),
    getFileHandle: async (name: string) => {
      const f = { writes: [] as string[], state: 'open' as 'open' | 'closed' | 'aborted' };
      files.set(`${prefix}${name}`, f);
      return {
        createWritable: async () => ({
          write: async (text: string) => void f.writes.push(text),
          close: async () => void (f.state = 'closed'),
          abort: async () => void (f.state = 'aborted'),
        }),
        getFile: async () => new File(f.writes, name),
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
  it('write the chunks in order, in writes of about BLOB_PART_CHARS, and give back the whole file', async () => {
    const { root, files } = fakeOpfs();
    const chunk = 'x'.repeat(BLOB_PART_CHARS / 4);
    const file = await fileToDisk(root, fileOf([...Array(10)].map((_, i) => `${i}${chunk}`)), 7);
    const written = files.get(`${EXPORT_DIR}/7-guangjie-touchpoints-2026-11-26.ndjson`)!;
    expect(written.state).toBe('closed');
    expect(written.writes.length).toBe(3); // 4 + 4 + 2 chunks
    const text = await file.text();
    expect(text.length).toBe(10 * (chunk.length + 1));
    expect([...Array(10)].map((_, i) => text[i * (chunk.length + 1)]).join('')).toBe('0123456789');
  });

  it('pass a chunk of a part’s size on as it is (not copied into a bigger part), after the small ones before it', async () => {
    const { root, files } = fakeOpfs();
    const page = 'p'.repeat(BLOB_PART_CHARS);
    await fileToDisk(root, fileOf(['[', page, ',', page, ']']), 8);
    const writes = files.get(`${EXPORT_DIR}/8-guangjie-touchpoints-2026-11-26.ndjson`)!.writes;
    expect(writes.map((w) => String(w).length)).toEqual([1, BLOB_PART_CHARS, 1, BLOB_PART_CHARS, 1]);
  });

  it('make the next part while the last is being written, with at most one part waiting', async () => {
    const pulled: number[] = [];
    const writesDone: Array<() => void> = [];
    let writing = 0;
    const handle = {
      createWritable: async () => ({
        write: (_: string) => new Promise<void>((ok) => { writing++; writesDone.push(() => { writing--; ok(); }); }),
        close: async () => undefined,
        abort: async () => undefined,
      }),
      getFile: async () => new File([], 'x'),
    };
    const root: OpfsRoot = { getDirectory: async () => ({ getDirectoryHandle: async () => ({ getFileHandle: async () => handle }) }) as never };
    const part = 'x'.repeat(BLOB_PART_CHARS);
    const chunks = (async function* () {
      for (let i = 0; i < 3; i++) {
        pulled.push(writing); // how many writes were unfinished when this part was asked for
        yield part;
      }
    })();
    const done = fileToDisk(root, { filename: 'f', mime: 'text/plain', chunks });
    for (let i = 0; i < 20 && writesDone.length < 3; i++) {
      await new Promise((r) => setTimeout(r, 0));
      writesDone[writesDone.length - 1]?.();
    }
    await done;
    expect(pulled).toEqual([0, 1, 1]); // parts 2 and 3 were made while the one before them was still being written
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
