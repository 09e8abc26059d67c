import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '../../utils/background/router';
import { getDb } from '../../utils/db/connection';
import { getSettings, updateSettings } from '../../utils/settings';
import { freshIndexedDb, MIN, T0, tp } from './background-fixtures';
import { countTouchpoints } from '../../utils/db/touchpoint-chunks';

const ORIGIN = 'chrome-extension://guangjie-test/';
const tab = { id: 'guangjie-test', tab: { id: 3 } };
const popup = { id: 'guangjie-test', url: `${ORIGIN}popup.html` };

function router(now = T0 + MIN) {
  return createRouter({
    getDb, getSettings, updateSettings,
    extVersion: '0.1.0', extensionId: 'guangjie-test', extensionOrigin: ORIGIN,
    now: () => now, log: () => {},
  });
}
const consent = () => updateSettings({ consentGiven: true });

describe('background message router', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshIndexedDb();
  });

  it('acknowledges stored ids only after writing, and a resent batch adds no rows', async () => {
    await consent();
    const r = router();
    const batch = [tp(), tp()];
    const msg = { type: 'cs-bg/touchpoints', touchpoints: batch };
    const sender = { tab: { id: 3 } };
    expect(await r.handle(msg, sender)).toEqual({ ok: true, stored: batch.map((t) => t.id) });
    expect(await r.handle(msg, sender)).toEqual({ ok: true, stored: batch.map((t) => t.id) });
    expect(await countTouchpoints(await getDb())).toBe(2);
  });

  it('drops touchpoints without storing them until consent is given, so senders stop retrying', async () => {
    const batch = [tp()];
    expect(await router().handle({ type: 'cs-bg/touchpoints', touchpoints: batch }, tab)).toEqual({ ok: true, stored: [batch[0].id], dropped: true });
    expect(await countTouchpoints(await getDb())).toBe(0);
  });

  it('drops touchpoints when the recording switch is off', async () => {
    await updateSettings({ consentGiven: true, recordingEnabled: false });
    const reply = await router().handle({ type: 'cs-bg/touchpoints', touchpoints: [tp()] }, tab);
    expect(reply).toMatchObject({ ok: true, dropped: true });
    expect(await countTouchpoints(await getDb())).toBe(0);
  });

  it('skips invalid touchpoints with a reason, stores the rest and a diagnostic', async () => {
    await consent();
    const good = tp();
    const reply = await router().handle({ type: 'cs-bg/touchpoints', touchpoints: [good, { ...tp(), at: 'yesterday' }] }, tab);
    expect(reply).toMatchObject({ ok: true, stored: [good.id], rejected: [{ index: 1, reason: expect.stringContaining('at') }] });
    const db = await getDb();
    expect(await countTouchpoints(db)).toBe(1);
    expect((await db.getAll('diagnostics'))[0]).toMatchObject({ kind: 'rejected-message', tabId: 3 });
  });

  it('refuses content-script messages that did not come from a tab', async () => {
    await consent();
    expect(await router().handle({ type: 'cs-bg/touchpoints', touchpoints: [tp()] }, popup)).toMatchObject({ ok: false, error: 'forbidden-sender' });
  });

  it('refuses page messages that did not come from an extension page', async () => {
    const web = { tab: { id: 3 }, url: 'https://www.douyin.com/' };
    expect(await router().handle({ type: 'ui-bg/delete-all' }, web)).toMatchObject({ ok: false, error: 'forbidden-sender' });
    expect(await router().handle({ type: 'ui-bg/settings' }, { ...popup, id: 'other-extension' })).toMatchObject({ ok: false, error: 'forbidden-sender' });
  });

  it('answers an unknown message type with invalid-message', async () => {
    expect(await router().handle({ type: 'ui-bg/format-disk' }, popup)).toMatchObject({ ok: false, error: 'invalid-message' });
  });

  it('updates settings from the popup and rejects unknown settings', async () => {
    const r = router();
    expect(await r.handle({ type: 'ui-bg/update-settings', patch: { overlayEnabled: false } }, popup)).toMatchObject({ ok: true, settings: { overlayEnabled: false } });
    expect(await r.handle({ type: 'ui-bg/update-settings', patch: { isAdmin: true } }, popup)).toMatchObject({ ok: false, error: 'invalid-message' });
    expect((await getSettings()).overlayEnabled).toBe(false);
  });

  it('reports stats and flags a tab that reported a missing selector', async () => {
    await consent();
    const r = router(T0 + MIN);
    await r.handle({ type: 'cs-bg/touchpoints', touchpoints: [tp({ tags: ['shop'], dwellMs: 3000 }), tp({ dwellMs: 1000 })] }, tab);
    await r.handle({ type: 'cs-bg/diagnostic', diagnostic: { at: T0, platform: 'douyin', surface: 'recommend', kind: 'selector-missing', detail: 'feed-item' } }, tab);
    const reply = await r.handle({ type: 'ui-bg/stats', tabId: 3 }, popup);
    expect(reply).toMatchObject({ ok: true, stats: { degraded: true, storageFull: false, recording: true,
      allTime: { itemsSeen: 2, itemsByTag: { shop: 1, ad: 0, live: 0 }, dwellMs: 4000, commerceDwellMs: 3000 },
      today: { itemsSeen: 2 } } });
    expect(await r.handle({ type: 'ui-bg/stats', tabId: 4 }, popup)).toMatchObject({ stats: { degraded: false } });
    // A restarted worker has lost its in-memory list, and reads the stored diagnostics instead.
    expect(await router(T0 + MIN).handle({ type: 'ui-bg/stats', tabId: 3 }, popup)).toMatchObject({ stats: { degraded: true } });
    expect(await router(T0 + 60 * MIN).handle({ type: 'ui-bg/stats', tabId: 3 }, popup)).toMatchObject({ stats: { degraded: false } });
  });

  it('deletes everything on request', async () => {
    await consent();
    const r = router();
    await r.handle({ type: 'cs-bg/touchpoints', touchpoints: [tp()] }, tab);
    expect(await r.handle({ type: 'ui-bg/delete-all' }, popup)).toEqual({ ok: true });
    expect(await countTouchpoints(await getDb())).toBe(0);
    expect(await r.handle({ type: 'ui-bg/stats' }, popup)).toMatchObject({ stats: { allTime: { itemsSeen: 0, touchpoints: 0 } } });
  });
});
