/**
 * The command's pure parts in process: JSON error positions, byte counts, the bounded line reader, the probing of
 * saved responses, and the summary's table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { byteCount } from '../../utils/cli/args';
import { jsonErrorOffset, parseJsonText } from '../../utils/cli/json-text';
import { linesOf, type Line } from '../../utils/cli/line-reader';
import { extractSaved } from '../../utils/cli/probe-urls';
import { table } from '../../utils/cli/summary';
import { platforms } from '../../utils/platforms/registry';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'guangjie-cli-parts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parseJsonText', () => {
  it.each([
    ['{"a":', 'not JSON (unexpected end at byte 5)'],
    ['{"a":"x', 'not JSON (unexpected end at byte 7)'],
    ['[1,2', 'not JSON (unexpected end at byte 4)'],
    ['{"a":tr', 'not JSON (unexpected end at byte 7)'],
    ['{"a":}', 'not JSON (unexpected character "}" at byte 5)'],
    ['{"a":1} x', 'not JSON (unexpected character "x" at byte 8)'],
    ['{"a":1}\n{"b":2}', 'not JSON (unexpected character "{" at byte 8)'],
    ['{"a" 1}', 'not JSON (unexpected character "1" at byte 5)'],
    ['{"名":"值" x}', 'not JSON (unexpected character "x" at byte 13)'], // bytes, not characters (9): 名 and 值 are 3 bytes each
    ['\u0000\u0000', 'not JSON (unexpected character "\\u0000" at byte 0)'],
  ])('%j → %s', (text, problem) => {
    expect(parseJsonText(text)).toEqual({ ok: false, problem });
  });

  it('accepts a byte-order mark and returns the value', () => {
    expect(parseJsonText('\uFEFF{"a":[1,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
  });

  it('finds nothing wrong in valid JSON (the scan agrees with JSON.parse), even nested 100,000 deep', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const valid of ['{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"],"b":{}}', '[]', '"x"', deep]) expect(jsonErrorOffset(valid)).toBe(valid.length);
  });
});

describe('byteCount (--max-bytes)', () => {
  it('reads plain numbers and decimal k / M / G', () => {
    expect([byteCount('1000'), byteCount('64k'), byteCount('512M'), byteCount('2G'), byteCount('1.5MB')]).toEqual([1000, 64_000, 512_000_000, 2e9, 1_500_000]);
  });
  it.each(['', '0', '-1', 'lots', '12x'])('refuses %j', (text) => {
    expect(() => byteCount(text)).toThrow(/not a byte count/);
  });
});

describe('linesOf', () => {
  async function collect(content: string, max: number): Promise<Line[]> {
    const file = path.join(tmp, `lines-${Math.random()}.ndjson`);
    writeFileSync(file, content);
    const out: Line[] = [];
    for await (const line of linesOf(file, max)) out.push(line);
    return out;
  }

  it('numbers lines from 1, keeps CRLF text for JSON.parse to ignore, and yields a last line without newline', async () => {
    expect(await collect('{"a":1}\r\n\n[2]', 100)).toEqual([
      { lineNo: 1, text: '{"a":1}\r' },
      { lineNo: 2, text: '' },
      { lineNo: 3, text: '[2]' },
    ]);
  });

  it('reports a line above the cap by its size and goes on with the next', async () => {
    expect(await collect(`${'x'.repeat(50)}\n{"ok":true}\n`, 20)).toEqual([
      { lineNo: 1, tooLongBytes: 50 },
      { lineNo: 2, text: '{"ok":true}' },
    ]);
  });

  it('joins a line split across stream chunks (64 KiB) unchanged', async () => {
    const long = `{"s":"${'é'.repeat(70_000)}"}`;
    const lines = await collect(`${long}\n`, 1_000_000);
    expect(lines).toEqual([{ lineNo: 1, text: long }]);
  });
});

describe('extractSaved', () => {
  it('probes with example URLs that each platform accepts as its own item endpoints, and only its own', () => {
    for (const p of platforms) {
      expect(p.endpointExamples.length).toBeGreaterThan(0);
      for (const u of p.endpointExamples) {
        expect(platforms.filter((q) => q.isItemEndpoint(u)).map((q) => q.id), u).toEqual([p.id]);
      }
    }
  });

  it('returns undefined for JSON no platform reads, and the reading that found items otherwise', () => {
    expect(extractSaved({ hello: 'world' }, platforms)).toBeUndefined();
    const found = extractSaved({ aweme_list: [{ aweme_id: '7500000000000000099', desc: 'x', author: { uid: '1' } }] }, platforms);
    expect(found?.platform.id).toBe('douyin');
    expect(found?.items.map((i) => i.id)).toEqual(['7500000000000000099']);
  });
});

describe('table', () => {
  it('pads text left and numbers right to the widest cell', () => {
    expect(table(['tag', 'items'], [['ad', '5'], ['campaign', '12']])).toBe(['tag       items', '--------  -----', 'ad            5', 'campaign     12'].join('\n'));
  });
});
