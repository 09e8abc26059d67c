/**
 * Runs the real `guangjie` command (bin/guangjie.mjs under this Node) the way a researcher does, and reads its
 * NDJSON output. Shared by the cli-*.test.ts files.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.resolve(__dirname, '../fixtures/cli');
export const fixture = (name: string): string => path.join(FIXTURES, name);

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed line by line (throws if a line is not JSON: that itself is a failure). */
  lines(): Array<Record<string, any>>;
}

export function guangjie(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['bin/guangjie.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    lines: () => r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)),
  };
}

/** Ids mapped to `[tags, ad_kind]`, for compact expectations. */
export const byId = (lines: Array<Record<string, any>>): Record<string, [string[], string | undefined]> =>
  Object.fromEntries(lines.map((l) => [l.id, [l.tags, l.ad_kind]]));
