import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { getDb } from '../../utils/db/connection';
import { updateSettings } from '../../utils/settings';
import { freshIndexedDb, tp } from './background-fixtures';
import { getTouchpoint } from '../../utils/db/touchpoint-chunks';

let idleListeners: unknown[] = [];

describe('background entrypoint', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    // fake-browser leaves getManifest unimplemented.
    (fakeBrowser.runtime as { getManifest: () => { version: string } }).getManifest = () => ({ version: '9.9.9' });
    // nor browser.idle: a minimal one that records its listener.
    idleListeners = [];
    (fakeBrowser as unknown as { idle: unknown }).idle = { setDetectionInterval() {}, onStateChanged: { addListener: (l: unknown) => idleListeners.push(l) } };
    await freshIndexedDb();
  });

  it('registers the message listener synchronously in main, and replies through the returned promise', async () => {
    (background as { main(): void }).main();
    expect((fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners()).toBe(true); // before anything was awaited
    expect(idleListeners).toHaveLength(1); // the idle relay too
    await updateSettings({ consentGiven: true });
    const one = tp();
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'cs-bg/touchpoints', touchpoints: [one] }, { id: fakeBrowser.runtime.id, tab: { id: 1 } } as never);
    expect(reply).toEqual({ ok: true, stored: [one.id] });
    expect(await getTouchpoint(await getDb(), one.id)).toMatchObject({ extVersion: '9.9.9' });
    const [fromPage] = await fakeBrowser.runtime.onMessage.trigger({ type: 'ui-bg/settings' }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') } as never);
    expect(fromPage).toMatchObject({ ok: true, settings: { consentGiven: true } });
  });
});
