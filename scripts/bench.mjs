// `npm run bench [-- --quick] [-- --only=overlay,ingest,store] [-- --store=200000] [-- --merge]`: the issue 5 benchmarks, each measured side by
// side in one run in the real headless Chromium on the BUILT extension (npm run build first), written to
// bench/results.json with the machine they ran on, and summarised as a table (also written into
// docs/PERFORMANCE.md between its result markers). Benchmarks never fail on timing: the exit code is 0 unless
// a benchmark could not run at all.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../tests/e2e/harness.mjs';
import { extensionDir } from '../bench/browser.mjs';
import { runOverlay } from '../bench/run-overlay.mjs';
import { runIngest } from '../bench/run-ingest.mjs';
import { runStore } from '../bench/run-store.mjs';
import { summaryTable } from '../bench/summary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
/** Sizes: the (full) and a smoke-test run (--quick, about a minute). */
const SIZES = quick ? { items: 200, ingest: 2_000, store: 20_000 } : { items: 2_000, ingest: 10_000, store: 1_000_000 };
// `--items=N`, `--ingest=N`, `--store=N`: one size changed (exploring; such a run is marked like a quick one).
for (const key of Object.keys(SIZES)) {
  const v = args.find((a) => a.startsWith(`--${key}=`));
  if (v) SIZES[key] = Number(v.split('=')[1]);
}
const resized = args.some((a) => /^--(items|ingest|store)=/.test(a));

const sh = (cmd, a) => { try { return execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };
const machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model ?? 'unknown',
  memGB: Math.round(totalmem() / 2 ** 30),
  os: sh('uname', ['-sr']),
  node: process.version,
  chromium: sh(chromiumPath(), ['--version']),
};
const build = { extensionDir, commit: sh('git', ['-C', root, 'rev-parse', '--short', 'HEAD']), dirtyTree: !!sh('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no']) };

const resultsFile = join(root, 'bench/results.json');
// `--merge`: keep the parts of the last results that this run does not redo (each part says when and on which
// build it ran), so a long benchmark can be redone alone.
const merge = args.includes('--merge') && existsSync(resultsFile);
const results = merge ? JSON.parse(readFileSync(resultsFile, 'utf8')).results ?? {} : {};
/** Written after every benchmark, so a long run stopped midway still leaves what it measured. */
const save = () => writeFileSync(resultsFile, JSON.stringify({ date: new Date().toISOString(), quick: quick || resized, sizes: SIZES, machine, build, results }, null, 2) + '\n');
const runs = { overlay: () => runOverlay({ items: SIZES.items }), ingest: () => runIngest({ touchpoints: SIZES.ingest }), store: () => runStore({ touchpoints: SIZES.store }) };
let failed = false;
for (const [name, run] of Object.entries(runs)) {
  if (only && !only.includes(name)) continue;
  const t0 = Date.now();
  process.stdout.write(`bench ${name} … `);
  try {
    results[name] = { ...(await run()), ranAt: new Date().toISOString(), build };
    console.log(`${Math.round((Date.now() - t0) / 1000)} s`);
  } catch (e) {
    failed = true;
    results[name] = { error: String(e?.stack ?? e) };
    console.log(`failed: ${e?.message ?? e}`);
  }
  save();
}

const table = summaryTable(JSON.parse(readFileSync(resultsFile, 'utf8')));
console.log(`\n${table}\nwritten: bench/results.json`);

// The latest table in docs/PERFORMANCE.md, between its markers (the rest of the document is prose).
const doc = join(root, 'docs/PERFORMANCE.md');
if (existsSync(doc) && !quick && !resized) {
  const text = readFileSync(doc, 'utf8');
  const m = /(<!-- bench:results:start -->\n)[\s\S]*?(<!-- bench:results:end -->)/;
  if (m.test(text)) writeFileSync(doc, text.replace(m, `$1${table}\n$2`));
}
process.exit(failed ? 1 : 0);
