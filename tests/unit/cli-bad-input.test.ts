/**
 * Every bad input ends in one line on stderr (`guangjie: <file>: <what>`), nothing on stdout, no stack trace, and a
 * distinct exit code: 2 usage, 3 unreadable, 4 no items. The gigabyte file is a real 1.1 GB file, made sparse so it
 * uses no disk: the command must refuse it by its size without reading it.
 */
import { closeSync, mkdtempSync, openSync, ftruncateSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, FIXTURES, guangjie } from './cli-helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'guangjie-cli-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Exit code and the whole of stderr: exactly one `guangjie: ` line, and stdout empty. */
function fails(args: string[]): { status: number | null; message: string } {
  const r = guangjie(...args);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.stderr.startsWith('guangjie: ')).toBe(true);
  return { status: r.status, message: r.stderr.trim() };
}

function sparseFile(name: string, bytes: number): string {
  const file = path.join(tmp, name);
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return file;
}

describe('guangjie classify: bad input', () => {
  it.each([
    ['not-json.json', 'not JSON (unexpected character "h" at byte 0)'],
    ['empty.json', 'empty file'],
    ['no-feed.har', 'none of its 2 responses is from a feed endpoint a platform reads'],
    ['no-bodies.har', 'no readable body in its 1 feed response (1 not saved, 0 not JSON); save the HAR with content'],
  ])('%s → exit 4: %s', (name, what) => {
    expect(fails(['classify', fixture(name)])).toEqual({ status: 4, message: `guangjie: ${fixture(name)}: ${what}` });
  });

  it('a truncated file → exit 4, naming the byte where it ends', () => {
    const file = fixture('truncated.json');
    expect(fails(['classify', file])).toEqual({ status: 4, message: `guangjie: ${file}: not JSON (unexpected end at byte ${statSync(file).size})` });
  });

  it('an HTML page → exit 4, saying it is not supported offline', () => {
    const { status, message } = fails(['classify', fixture('page.html')]);
    expect(status).toBe(4);
    expect(message).toMatch(/page\.html: an HTML \(or XML\) page: not supported offline/);
  });

  it('a directory → exit 3', () => {
    expect(fails(['classify', FIXTURES])).toEqual({ status: 3, message: `guangjie: ${FIXTURES}: is a directory, not a file` });
  });

  it('a missing file → exit 3', () => {
    const file = path.join(tmp, 'no-such.har');
    expect(fails(['classify', file])).toEqual({ status: 3, message: `guangjie: ${file}: no such file` });
  });

  it('a 1.1 GB file → exit 3 at once, by its size, without reading it', () => {
    const file = sparseFile('huge.json', 1_100_000_000);
    const started = Date.now();
    expect(fails(['classify', file])).toEqual({
      status: 3,
      message: `guangjie: ${file}: too large (1.1 GB; --max-bytes is 512 MB; NDJSON named .ndjson is read line by line with no total limit)`,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('--max-bytes lowers the cap', () => {
    const { status, message } = fails(['classify', '--max-bytes', '1k', fixture('session.har')]);
    expect(status).toBe(3);
    expect(message).toMatch(/session\.har: too large \(8 kB; --max-bytes is 1 kB;/);
  });

  it('an NDJSON line longer than --max-bytes is skipped as it streams past, not held in memory', { timeout: 120_000 }, () => {
    // 1.1 GB of zero bytes and no newline: one line far above the cap.
    const file = sparseFile('one-huge-line.ndjson', 1_100_000_000);
    const r = guangjie('classify', '--max-bytes', '1M', file);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe(
      `guangjie: ${file}:1: line of 1.1 GB is above --max-bytes 1 MB; skipped\nguangjie: ${file}: no line is readable JSON (1 line)\n`,
    );
  });

  it('an output file that cannot be written → exit 3 before reading anything', () => {
    const out = path.join(tmp, 'no-such-dir', 'out.ndjson');
    expect(fails(['classify', '--out', out, fixture('session.har')])).toEqual({ status: 3, message: `guangjie: ${out}: cannot write (no such directory)` });
  });

  it('with several files, reports each bad one, writes the good ones, and exits with the first problem’s code', () => {
    const r = guangjie('classify', fixture('empty.json'), fixture('douyin-tab-feed.json'), path.join(tmp, 'gone.json'));
    expect(r.status).toBe(4);
    expect(r.lines()).toHaveLength(3);
    expect(r.stderr.trim().split('\n')).toEqual([`guangjie: ${fixture('empty.json')}: empty file`, `guangjie: ${path.join(tmp, 'gone.json')}: no such file`]);
  });
});

describe('guangjie: usage', () => {
  it.each([
    [['classify'], 'guangjie: classify: no input file (guangjie classify --help)'],
    [['classify', '--bogus', 'x.json'], "guangjie: classify: Unknown option '--bogus' (guangjie classify --help)"],
    [['classify', '--max-bytes', 'lots', 'x.json'], 'guangjie: classify: --max-bytes "lots" is not a byte count such as 1000, 64k, 512M or 2G'],
    [['frobnicate'], 'guangjie: unknown command "frobnicate"; try: guangjie classify <file> (guangjie --help)'],
    [['classify', '-o', 'tests/fixtures/cli/session.har', 'tests/fixtures/cli/session.har'], 'guangjie: classify: --out tests/fixtures/cli/session.har is also an input file'],
  ])('%j → exit 2', (args, message) => {
    expect(fails(args)).toEqual({ status: 2, message });
  });

  it('--help and classify --help print usage with the exit codes, exit 0', () => {
    const main = guangjie('--help');
    expect(main.status).toBe(0);
    expect(main.stdout).toMatch(/guangjie classify \[options\] <file>\.\.\./);
    const sub = guangjie('classify', '--help');
    expect(sub.status).toBe(0);
    for (const word of ['--summary', '--out', '--max-bytes', 'ad_kind', 'HAR', 'NDJSON', 'Exit codes']) expect(sub.stdout).toContain(word);
  });
});
