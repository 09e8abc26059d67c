#!/usr/bin/env node
// `npm run demo`: build the extension, open Chromium with it on the bundled Douyin replica (no account, no network).
//
//   npm run demo                          build, open a window on https://www.douyin.com/ (the replica)
//   npm run demo -- --no-build            use the existing .output/chrome-mv3
//   npm run demo -- --live                open the replica's selling live room instead
//   npm run demo -- --tiktok              open the TikTok For You replica (https://www.tiktok.com/) instead
//   npm run demo -- --items 2000          feed length
//   npm run demo -- --headless            no window (stays open until Ctrl-C)
//   npm run demo -- --screenshot out.png  headless: load, move a few items down, save a screenshot, exit
//
// Without a display ($DISPLAY / $WAYLAND_DISPLAY unset) and without --screenshot, falls back to the screenshot mode
// with demo-screenshot.png. Chromium: $CHROMIUM_PATH or /usr/bin/chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEMO_LIVE_WEB_RID, REPLICA_HOME, TIKTOK_HOME, installReplica, liveRoomUrl } from '../demo/replica.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
const OVERLAY_WAIT_MS = 10_000;
/** How much longer a screenshot waits for the chips to be shown once the feed has been moved. Milliseconds. */
const CHIPS_WAIT_MS = 10_000;
const FEED_WAIT_MS = 15_000;
const STEPS_DOWN = 2; // to item (3): an influencer selling another shop's product

function parseArgs(argv) {
  const o = { build: true, headless: false, live: false, tiktok: false, screenshot: null, items: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') o.build = false;
    else if (a === '--headless') o.headless = true;
    else if (a === '--live') o.live = true;
    else if (a === '--tiktok') o.tiktok = true;
    else if (a === '--screenshot') o.screenshot = argv[++i] && !argv[i].startsWith('--') ? argv[i] : (i--, 'demo-screenshot.png');
    else if (a.startsWith('--screenshot=')) o.screenshot = a.slice('--screenshot='.length) || 'demo-screenshot.png';
    else if (a === '--items') o.items = Number(argv[++i]);
    else if (a.startsWith('--items=')) o.items = Number(a.slice(8));
    else if (a === '-h' || a === '--help') o.help = true;
    else {
      console.error(`demo: unknown option ${a}`);
      o.help = true;
    }
  }
  return o;
}

function build() {
  console.log('demo: building the extension (wxt build)…');
  const cmd = existsSync('/usr/bin/flock') ? ['flock', ['/tmp/wxt-build.lock', 'npx', 'wxt', 'build']] : ['npx', ['wxt', 'build']];
  const r = spawnSync(cmd[0], cmd[1], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('demo: the build failed');
    process.exit(r.status ?? 1);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log('usage: npm run demo -- [--no-build] [--live | --tiktok] [--items N] [--headless] [--screenshot file.png]');
    process.exit(0);
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!opts.screenshot && !opts.headless && !hasDisplay) {
    console.log('demo: no display ($DISPLAY is not set): taking a screenshot instead (demo-screenshot.png).');
    opts.screenshot = 'demo-screenshot.png';
  }
  const headless = Boolean(opts.screenshot || opts.headless);

  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.error(`demo: no Chromium at ${executablePath}. install chromium: apt-get install -y chromium, or set CHROMIUM_PATH`);
    process.exit(1);
  }
  if (opts.build) build();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`demo: no built extension in ${EXTENSION_DIR}; run without --no-build`);
    process.exit(1);
  }

  const userDataDir = mkdtempSync(join(tmpdir(), 'guangjie-demo-'));
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ];
  if (headless) args.push('--headless=new'); // the new headless mode loads extensions
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless,
    executablePath,
    args,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  let closed = false;
  const cleanup = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

  const replica = await installReplica(context, { items: opts.items });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 5000 }).catch(() => null));
  if (worker) console.log(`demo: extension loaded (${new URL(worker.url()).host})`);
  else console.log('demo: warning: the extension\'s service worker did not start within 5 s');

  const page = context.pages()[0] ?? (await context.newPage());
  const target = opts.tiktok ? TIKTOK_HOME : opts.live ? liveRoomUrl(DEMO_LIVE_WEB_RID) : REPLICA_HOME;
  await page.goto(target);

  if (!opts.screenshot) {
    console.log(`demo: opened ${target} (the local replica; ${replica.items} feed items). ↓/↑ move, space pauses.`);
    console.log('demo: close the browser window (or press Ctrl-C) to end.');
    await new Promise((res) => context.once('close', res));
    await cleanup();
    return;
  }

  // screenshot mode
  try {
    const feedSelector = opts.tiktok ? 'article[data-scroll-index]' : opts.live ? '[data-e2e="living-container"]' : '[data-e2e="feed-active-video"]';
    await page.waitForSelector(feedSelector, { timeout: FEED_WAIT_MS });
    const overlay = await page
      .waitForSelector('[data-guangjie-item]', { timeout: OVERLAY_WAIT_MS, state: 'attached' })
      .then(() => true, () => false);
    console.log(overlay ? 'demo: the overlay is on the page' : `demo: no overlay ([data-guangjie-item]) within ${OVERLAY_WAIT_MS / 1000} s; taking the screenshot anyway`);
    if (!opts.live) {
      for (let i = 0; i < STEPS_DOWN; i++) {
        await page.keyboard.press('ArrowDown');
        await page.waitForTimeout(600);
      }
    }
    await page.waitForTimeout(1500);
    // On a slow machine headless Chromium can take a second or more per slide: wait for the chips to be placed.
    if (overlay) {
      const shown = await page
        .waitForFunction(() => document.querySelector('[data-guangjie-item]')?.shadowRoot?.querySelector('html')?.style.visibility === 'visible', null, { timeout: CHIPS_WAIT_MS, polling: 100 })
        .then(() => true, () => false);
      if (!shown) console.log(`demo: the chips were still hidden after ${CHIPS_WAIT_MS / 1000} s more (the item still moving, or out of view); taking the screenshot anyway`);
    }
    const file = resolve(process.cwd(), opts.screenshot);
    await page.screenshot({ path: file });
    console.log(`demo: screenshot saved to ${file}`);
  } finally {
    await cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
