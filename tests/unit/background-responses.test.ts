// Feed responses classified by the worker (utils/response-body.ts, router case 'cs-bg/response'): the
// same items the page would have made, stored while recording, returned always; live rooms left to the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifyResponse } from '../../utils/response-body';
import { createRouter } from '../../utils/background/router';
import { classify } from '../../utils/classify';
import { getDb } from '../../utils/db/connection';
import { douyin } from '../../utils/platforms/douyin';
import { getSettings, updateSettings } from '../../utils/settings';
import { LIMITS } from '../../utils/validate';
import { freshIndexedDb, MIN, T0 } from './background-fixtures';

const FEED_URL = 'https://www.douyin.com/aweme/v1/web/tab/feed/?count=10';
const body = readFileSync(path.resolve(__dirname, '../fixtures/douyin/tab-feed.json'), 'utf8');
const ORIGIN = 'chrome-extension://guangjie-test/';
const tab = { id: 'guangjie-test', tab: { id: 3 } };
const router = () => createRouter({ getDb, getSettings, updateSettings, extVersion: '0.1.0', extensionId: 'guangjie-test', extensionOrigin: ORIGIN, now: () => T0 + MIN, log: () => {} });
const ask = (b = body, url = FEED_URL) => router().handle({ type: 'cs-bg/response', platform: 'douyin', url, body: b }, tab);

describe('classifying a response in the worker', () => {
  it('gives the items the page itself would make, live rooms and items naming one aside, unclassified', () => {
    const settings = { topKolMinFollowers: 1_000_000 };
    const got = classifyResponse(douyin, FEED_URL, body, settings);
    const extracted = douyin.extractFromResponse(FEED_URL, JSON.parse(body));
    const forPage = extracted.filter((i) => i.format === 'live' || i.live?.webRid);
    expect(forPage.length).toBeGreaterThan(0);
    expect(got.live).toEqual(forPage);
    expect(got.items).toEqual(extracted.filter((i) => !forPage.includes(i)).map((i) => classify(i, settings)));
    expect(got.items.some((i) => i.tags.some((t) => t.id === 'ad'))).toBe(true);
  });

  it('a body that is not JSON, or an extractor that throws, gives no items and never a throw', () => {
    expect(classifyResponse(douyin, FEED_URL, '{"aweme_list": [', { topKolMinFollowers: 1 })).toEqual({ items: [], live: [], badJson: true });
    const logged: string[] = [];
    // An array of junk where items belong: whatever the extractor makes of it, nothing escapes.
    expect(() => classifyResponse(douyin, FEED_URL, JSON.stringify({ aweme_list: [null, 7, { aweme_id: { __proto__: 1 } }] }), { topKolMinFollowers: 1 }, (w) => logged.push(w))).not.toThrow();
  });
});

describe("the router's cs-bg/response", () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshIndexedDb();
  });

  it('while recording, stores the classified items and returns them', async () => {
    await updateSettings({ consentGiven: true });
    const reply = await ask();
    expect(reply).toMatchObject({ ok: true, stored: expect.any(Number) });
    if (!reply.ok || !('items' in reply)) throw new Error('no items');
    expect(reply.stored).toBe(reply.items.length);
    expect(reply.items.length).toBeGreaterThan(5);
    const stored = await (await getDb()).getAll('items');
    expect(stored.map((s) => s.id).sort()).toEqual(reply.items.map((i) => i.id).sort());
  });

  it('without consent, stores nothing but still returns the items (the overlay needs them)', async () => {
    const reply = await ask();
    expect(reply).toMatchObject({ ok: true, stored: 0, dropped: true });
    expect(reply.ok && 'items' in reply && reply.items.length).toBeGreaterThan(5);
    expect(await (await getDb()).count('items')).toBe(0);
  });

  it('a body that is not JSON is one bad-json diagnostic and no items', async () => {
    await updateSettings({ consentGiven: true });
    expect(await ask('<html>blocked</html>')).toEqual({ ok: true, items: [], live: [], badJson: true, stored: 0 });
    expect((await (await getDb()).getAll('diagnostics'))[0]).toMatchObject({ kind: 'bad-json', tabId: 3, platform: 'douyin', detail: '/aweme/v1/web/tab/feed/ (20 characters)' });
  });

  it('refuses a body over the cap, an unknown platform, and a sender that is not a tab', async () => {
    expect(await ask('x'.repeat(LIMITS.responseBodyChars + 1))).toMatchObject({ ok: false, error: 'invalid-message' });
    expect(await router().handle({ type: 'cs-bg/response', platform: 'myspace', url: FEED_URL, body }, tab)).toMatchObject({ ok: false, error: 'invalid-message' });
    expect(await router().handle({ type: 'cs-bg/response', platform: 'douyin', url: FEED_URL, body }, { id: 'guangjie-test', url: `${ORIGIN}popup.html` })).toMatchObject({ ok: false, error: 'forbidden-sender' });
  });
});
