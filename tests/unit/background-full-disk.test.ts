/**
 * A really full disk, as Chromium reports it (seen in tests/e2e/storage-full.test.mjs): the commit aborts with a
 * bare AbortError and the database then refuses to open with UnknownError, never a QuotaExceededError. The router
 * asks how much room is left and pauses recording all the same; the popup still gets its storage-full flag when
 * the database cannot be opened at all. An unrelated failure with room to spare stays a plain storage error.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '../../utils/background/router';
import { getSettings, updateSettings } from '../../utils/settings';
import { freshIndexedDb, T0, tp } from './background-fixtures';

const ORIGIN = 'chrome-extension://guangjie-test/';
const tab = { tab: { id: 1 } };
const popup = { url: `${ORIGIN}popup.html` };
const unopenable = () => Promise.reject(new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'));

function router(storageLow: boolean) {
  return createRouter({
    getDb: unopenable, getSettings, updateSettings, storageLow: async () => storageLow,
    extVersion: '0.1.0', extensionId: 'x', extensionOrigin: ORIGIN, now: () => T0, log: () => {},
  });
}

describe('full disk without a QuotaExceededError', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshIndexedDb();
    await updateSettings({ consentGiven: true });
  });

  it('pauses recording and keeps the sender queue when the disk is nearly full', async () => {
    const r = router(true);
    expect(await r.handle({ type: 'cs-bg/touchpoints', touchpoints: [tp()] }, tab)).toEqual({ ok: false, error: 'storage-full' });
    expect((await getSettings()).storageFull).toBe(true);
    expect(await r.handle({ type: 'ui-bg/stats' }, popup)).toMatchObject({ ok: true, stats: { storageFull: true, recording: false } });
  });

  it('an unrelated storage failure with room to spare is not taken for a full disk', async () => {
    const r = router(false);
    expect(await r.handle({ type: 'cs-bg/touchpoints', touchpoints: [tp()] }, tab)).toMatchObject({ ok: false, error: 'storage-error' });
    expect((await getSettings()).storageFull).toBe(false);
  });
});
