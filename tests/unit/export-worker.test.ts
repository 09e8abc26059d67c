import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseExportRequest, parseWorkerMessage, type FromExportWorker } from '../../utils/export/worker-protocol';
import { PIECE_CHARS, textPieces } from '../../utils/export/text-pieces';
import { buildManifest } from '../../utils/export/json-bundle';
import { freshIndexedDb, openTestDb, T0 } from './background-fixtures';
import { parseCsv, seedExportRows } from './export-fixtures';

const manifest = () => buildManifest({ studyId: 'study-1', participantId: 'p-42' }, '0.1.0', T0);
const request = (over: Record<string, unknown> = {}) => ({ type: 'export', request: { format: 'csv', manifest: manifest(), now: T0, ...over } });

describe('text in pieces', () => {
  it('join to exactly the whole text, each piece about PIECE_CHARS (never a page as one string)', () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `${i},口红 💄,${'x'.repeat(i % 97)}`);
    for (const sep of ['', ',', '\n']) {
      const pieces = [...textPieces(rows, (r) => r, sep)];
      expect(pieces.join(sep)).toBe(rows.join(sep));
      expect(pieces.length).toBeGreaterThan(1);
      for (const p of pieces) expect(p.length).toBeLessThan(PIECE_CHARS + 200); // ends after the row that reaches it
    }
    expect([...textPieces([], String)]).toEqual([]);
  });
});

describe('export worker messages', () => {
  it('take a well-formed request and refuse malformed ones with a reason', () => {
    expect(parseExportRequest(request())).toMatchObject({ format: 'csv', now: T0 });
    expect(parseExportRequest(request({ salt: 's'.repeat(32) }))).toMatchObject({ salt: 's'.repeat(32) });
    for (const bad of [null, 'export', { type: 'export' }, request({ format: 'xlsx' }), request({ now: -1 }), request({ now: 'soon' }),
      request({ manifest: { exportedAt: 1 } }), request({ salt: 42 }), JSON.parse('{"type":"export","request":{"__proto__":{"format":"csv"}}}')]) {
      expect(typeof parseExportRequest(bad)).toBe('string');
    }
  });

  it('read the worker’s four messages and nothing else', () => {
    const file = new Blob(['a']);
    expect(parseWorkerMessage({ type: 'file', filename: 'f.csv', file })).toEqual({ type: 'file', filename: 'f.csv', file });
    expect(parseWorkerMessage({ type: 'progress', done: 1, total: 2 })).toEqual({ type: 'progress', done: 1, total: 2 });
    expect(parseWorkerMessage({ type: 'done' })).toEqual({ type: 'done' });
    expect(parseWorkerMessage({ type: 'error', message: 'disk full' })).toEqual({ type: 'error', message: 'disk full' });
    for (const bad of [undefined, { type: 'file', filename: 'f', file: 'text' }, { type: 'progress', done: NaN, total: 1 }, { type: 'eval' }]) {
      expect(parseWorkerMessage(bad)).toBeNull();
    }
  });
});

describe('the export worker', () => {
  beforeEach(freshIndexedDb);

  /** The worker module loaded with a stand-in global scope; `send` delivers a message to it, `sent` what it posted. */
  async function loadWorker() {
    const sent: FromExportWorker[] = [];
    const finished = new Promise<void>((resolve) => {
      vi.stubGlobal('postMessage', (m: FromExportWorker) => {
        sent.push(m);
        if (m.type === 'done' || m.type === 'error') resolve();
      });
    });
    vi.resetModules();
    await import('../../utils/export/export-worker');
    const onmessage = (globalThis as unknown as { onmessage: (e: { data: unknown }) => Promise<void> }).onmessage;
    return { sent, finished, send: (data: unknown) => onmessage({ data }) };
  }

  it('make every file of the format from the database and post each, then done', async () => {
    await seedExportRows(await openTestDb(), 7);
    const worker = await loadWorker();
    await worker.send(request());
    await worker.finished;
    const files = worker.sent.filter((m) => m.type === 'file') as Array<Extract<FromExportWorker, { type: 'file' }>>;
    expect(files.map((f) => f.filename.replace(/-\d{4}-\d{2}-\d{2}/, ''))).toEqual([
      'guangjie-touchpoints.csv', 'guangjie-items.csv', 'guangjie-journeys.csv', 'guangjie-attribution.csv', 'guangjie-columns.csv']);
    const touchpoints = parseCsv(await files[0].file.text());
    expect(touchpoints.length).toBe(1 + 7); // the header and the seeded rows
    expect(worker.sent.at(-1)).toEqual({ type: 'done' });
    const progress = worker.sent.filter((m) => m.type === 'progress') as Array<{ done: number; total: number }>;
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    vi.unstubAllGlobals();
  });

  it('answer a forged or malformed request with an error, reading nothing', async () => {
    const worker = await loadWorker();
    await worker.send({ type: 'export', request: { format: 'exe', manifest: manifest(), now: T0 } });
    await worker.finished;
    expect(worker.sent).toEqual([{ type: 'error', message: expect.stringMatching(/unknown export format/) }]);
    vi.unstubAllGlobals();
  });
});
