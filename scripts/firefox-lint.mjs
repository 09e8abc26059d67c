// Lints the BUILT Firefox extension (.output/firefox-mv2) with Mozilla's own linter (web-ext lint, the checks
// addons.mozilla.org runs). Fails on errors; prints warnings and notices so they stay visible without failing CI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, '.output/firefox-mv2');
if (!existsSync(join(sourceDir, 'manifest.json'))) {
  console.error('firefox-lint: build the Firefox extension first (npm run build:firefox)');
  process.exit(1);
}

const bin = join(root, 'node_modules/.bin/web-ext');
const run = spawnSync(bin, ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  // web-ext may print a banner before the JSON; the report is the last JSON object on stdout.
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
} catch {
  console.error('firefox-lint: could not read web-ext output\n', run.stdout, run.stderr);
  process.exit(1);
}

const line = (m) => `  ${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}`;
for (const kind of ['errors', 'warnings', 'notices']) {
  const list = report[kind] ?? [];
  if (list.length) console.log(`${kind} (${list.length}):\n${list.map(line).join('\n')}`);
}
const { errors = 0, warnings = 0, notices = 0 } = report.summary ?? {};
console.log(`web-ext lint ${sourceDir}: ${errors} error(s), ${warnings} warning(s), ${notices} notice(s)`);
process.exit(errors > 0 ? 1 : 0);
