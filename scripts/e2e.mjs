// Runs the end-to-end tests with node's own test runner, one file at a time (each launches Chromium).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = 'tests/e2e';
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .map((f) => `${dir}/${f}`);
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
