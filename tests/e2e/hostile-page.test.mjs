// Issue 5 point 3 on the built extension: a hostile page. Its own feed endpoint answers with malformed, enormous,
// deeply nested and `__proto__`-laden JSON, and it posts forged `guangjie:capture/v1` messages (wrong type, bad
// seq, foreign URL, non-string and oversized bodies) and replays a real one. The page keeps working and gets its
// responses unchanged, nothing bogus is stored, the extension keeps recording the real feed, and the reasons are
// logged (isolated-world console, and one `rejected-message` diagnostic per page for the background).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, giveConsent, openExtensionPage, readStore, waitFor } from './harness.mjs';
import { demoFeed } from '../../demo/replica.mjs';

const FEED = 'https://www.douyin.com/aweme/v1/web/tab/feed/';
const BOGUS_ID = '9990000000000000001'; // in hostile bodies only; must never be stored
const nested = (depth) => '{"aweme_list":['.repeat(depth) + `{"aweme_id":"${BOGUS_ID}"}` + ']}'.repeat(depth);
const HOSTILE_BODIES = {
  malformed: '{"aweme_list": [{"aweme_id": "' + BOGUS_ID + '", ',
  deep: nested(50_000),
  proto: `{"__proto__": {"polluted": 1}, "aweme_list": [{"aweme_id": {"__proto__": "${BOGUS_ID}"}, "constructor": {"prototype": {"polluted": 1}}}]}`,
  wrongTypes: `{"aweme_list": {"aweme_id": "${BOGUS_ID}"}, "has_more": "yes", "max_cursor": [], "status_code": {}}`,
  enormous: `{"aweme_list": [], "pad": "${'x'.repeat(9 * 1024 * 1024)}"}`, // over the 8 MiB capture cap
};

let ext;
before(async () => {
  ext = await launchExtension();
  await giveConsent(ext, { studyId: 'e2e-hostile', participantId: 'p-01' });
});
after(async () => ext?.close());

test('forged, replayed and hostile page data are rejected or skipped with a reason; the page and the recording carry on', async () => {
  const page = await ext.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Every console line of every world on the page (the content script's isolated world included) via CDP.
  const logs = [];
  const cdp = await ext.context.newCDPSession(page);
  cdp.on('Runtime.consoleAPICalled', (e) => logs.push(e.args.map((a) => a.value ?? a.description ?? '').join(' ')));
  await cdp.send('Runtime.enable');
  await page.route(`${FEED}?hostile=*`, (route) => {
    const kind = new URL(route.request().url()).searchParams.get('hostile');
    return route.fulfill({ status: 200, contentType: 'application/json', body: HOSTILE_BODIES[kind] });
  });
  await page.goto('https://www.douyin.com/');
  await page.evaluate(() => window.__replica.ready);

  // 1. The page's own fetches of its item endpoint return hostile JSON; the page gets every byte unchanged.
  const lengths = await page.evaluate(async ({ feed, kinds }) => {
    const out = {};
    for (const k of kinds) out[k] = (await (await fetch(`${feed}?hostile=${k}`)).text()).length;
    return out;
  }, { feed: FEED, kinds: Object.keys(HOSTILE_BODIES) });
  for (const [k, body] of Object.entries(HOSTILE_BODIES)) assert.equal(lengths[k], body.length, `the page got its ${k} body unchanged`);

  // 2. Forged and replayed capture messages posted by the page itself.
  await page.evaluate(({ feed, bogus }) => {
    const ch = 'guangjie:capture/v1';
    const body = JSON.stringify({ aweme_list: [{ aweme_id: bogus }] });
    const forged = [
      { channel: ch, type: 'cs-bg/touchpoints', touchpoints: [{ id: 'forged' }] },
      { channel: ch, type: 'page-cs/response', seq: -1, url: feed, body },
      { channel: ch, type: 'page-cs/response', seq: 1.5, url: feed, body },
      { channel: ch, type: 'page-cs/response', seq: 9e6, url: 'javascript:alert(1)', body },
      { channel: ch, type: 'page-cs/response', seq: 9e6 + 1, url: feed, body: { aweme_list: [] } },
      { channel: ch, type: 'page-cs/response', seq: 9e6 + 2, url: feed, body: 'x'.repeat(9 * 1024 * 1024) },
    ];
    for (const m of forged) window.postMessage(m, location.origin);
    // Replays: catch the capture script's real messages and post each one again, several times.
    const seen = [];
    window.addEventListener('message', (e) => e.data?.channel === ch && e.data.type === 'page-cs/response' && seen.length < 5 && seen.push(e.data));
    window.__replayAll = () => { for (let i = 0; i < 3; i++) for (const m of seen) window.postMessage(m, location.origin); return seen.length; };
  }, { feed: FEED, bogus: BOGUS_ID });
  await page.evaluate(() => window.__replica.next()); // a real page of the feed arrives and is captured
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => window.__replayAll())) > 0, 'real capture messages were replayed');

  // 3. The page keeps working and the extension keeps classifying the real feed.
  for (let i = 0; i < 3; i++) await page.evaluate(() => window.__replica.next());
  const active = await page.evaluate(() => window.__replica.active());
  await waitFor(async () => (await page.locator('[data-guangjie-item]').getAttribute('data-guangjie-item')) === demoFeed[active].id,
    { message: `overlay on the real item ${demoFeed[active].id} after the hostile traffic` });
  assert.deepEqual(pageErrors, [], 'no error thrown into the page');

  // 4. Reasons logged: forged ones by the gate, hostile bodies skipped (bad JSON, over the cap).
  const reasons = ['bad seq', 'bad url', 'body not a string', 'unknown type', 'characters', 'not JSON'];
  await waitFor(() => reasons.every((r) => logs.some((l) => l.includes(r))), { message: `log lines for ${reasons.join(', ')}` })
    .catch((e) => assert.fail(`${e.message}\n${logs.filter((l) => /guangjie/.test(l)).join('\n')}`));

  // 5. Nothing bogus stored; the background heard about the rejections once, as a diagnostic.
  await page.waitForTimeout(2_600); // past one dwell threshold, so the real item's impression is due
  await page.close({ runBeforeUnload: true });
  const popup = await openExtensionPage(ext, 'popup.html');
  const stats = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/stats' }));
  assert.equal(stats.ok, true, 'the worker answers');
  const items = await waitFor(async () => { const r = await readStore(ext, 'items'); return r.length ? r : null; }, { message: 'real items stored' });
  const touchpoints = await readStore(ext, 'touchpoints');
  const all = JSON.stringify([items, touchpoints]);
  assert.ok(!all.includes(BOGUS_ID), 'no bogus id stored');
  assert.ok(!all.includes('polluted') && !all.includes('"forged"'), 'nothing forged stored');
  assert.ok(items.every((it) => typeof it.id === 'string' && /^\d+$/.test(it.id)), 'every stored item id is a real id');
  const diagnostics = await waitFor(async () => { const d = await readStore(ext, 'diagnostics'); return d.some((x) => x.kind === 'rejected-message') ? d : null; },
    { message: 'a rejected-message diagnostic' });
  assert.equal(diagnostics.filter((d) => d.kind === 'rejected-message').length, 1, 'one diagnostic for the page, not one per forged message');
});
