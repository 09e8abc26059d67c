import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConsentView, type ConsentViewProps } from '../../components/consent/ConsentView';
import { createRouter } from '../../utils/background/router';
import { onInstalled, CONSENT_PAGE } from '../../utils/background/install';
import { getDb } from '../../utils/db/connection';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../../utils/settings';
import { freshIndexedDb, item, tp } from './background-fixtures';
import { countTouchpoints } from '../../utils/db/touchpoint-chunks';

let root: HTMLElement;
function show(over: Partial<ConsentViewProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const props: ConsentViewProps = {
    settings: { ...DEFAULT_SETTINGS }, t: (k) => k, onAgree: vi.fn(), onDecline: vi.fn(), onSave: vi.fn(), onPause: vi.fn(), onDeleteAll: vi.fn(), ...over,
  };
  render(<ConsentView {...props} />, root);
  return props;
}
const byId = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;
const type = (id: string, value: string) => {
  const input = byId(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => { if (root) { render(null, root); root.remove(); } });

describe('consent page view', () => {
  it('lists what is recorded and what never is, then asks', () => {
    show();
    expect(byId('consent-recorded').querySelectorAll('li')).toHaveLength(4);
    expect(byId('consent-not-recorded').textContent).toContain('consentNotComments');
    expect(byId('consent-not-recorded').textContent).toContain('consentNotAccount');
    expect(byId('consent-agree')).toBeTruthy();
    expect(byId('consent-decline')).toBeTruthy();
    expect(byId('consent-status').dataset.state).toBe('no-consent');
  });

  it('agrees with the study ids, retention and pseudonymisation typed in', async () => {
    const p = show();
    type('consent-study-id', ' study-9 ');
    type('consent-participant-id', 'p-3');
    type('consent-retention', '30');
    (byId('consent-pseudonymise') as HTMLInputElement).click();
    await flush();
    byId('consent-agree').click();
    expect(p.onAgree).toHaveBeenCalledWith({ studyId: 'study-9', participantId: 'p-3', retentionDays: 30, pseudonymiseExports: true });
  });

  it('declines without agreeing', () => {
    const p = show();
    byId('consent-decline').click();
    expect(p.onDecline).toHaveBeenCalled();
    expect(p.onAgree).not.toHaveBeenCalled();
  });

  it('after consent offers pause and save instead of agree', () => {
    const p = show({ settings: { ...DEFAULT_SETTINGS, consentGiven: true } });
    expect(byId('consent-agree')).toBeNull();
    (byId('consent-pause') as HTMLInputElement).click();
    expect(p.onPause).toHaveBeenCalledWith(true);
  });

  it('deletes everything only after a second, explicit click', async () => {
    const p = show();
    byId('consent-delete-all').click();
    await flush();
    expect(p.onDeleteAll).not.toHaveBeenCalled();
    byId('consent-delete-confirm').click();
    expect(p.onDeleteAll).toHaveBeenCalledTimes(1);
  });
});

describe('consent in the background', () => {
  const ext = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
  const router = () => createRouter({ getDb, getSettings, updateSettings, extVersion: '0.1.0', ...ext, log: () => undefined });
  const tab = { id: 'ext', tab: { id: 1 } };
  const page = { id: 'ext', url: 'chrome-extension://ext/consent.html' };
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshIndexedDb();
  });

  it('stores nothing before consent, and stores once consent is given', async () => {
    const r = router();
    const before = tp();
    expect(await r.handle({ type: 'cs-bg/touchpoints', touchpoints: [before] }, tab)).toMatchObject({ ok: true, dropped: true });
    expect(await r.handle({ type: 'cs-bg/items', items: [item()] }, tab)).toMatchObject({ ok: true, dropped: true });
    const db = await getDb();
    expect(await countTouchpoints(db)).toBe(0);
    expect(await db.count('items')).toBe(0);
    expect(await db.count('meta')).toBe(0);
    await r.handle({ type: 'ui-bg/update-settings', patch: { consentGiven: true, studyId: 's', participantId: 'p', retentionDays: 14, pseudonymiseExports: true } }, page);
    expect(await r.handle({ type: 'cs-bg/touchpoints', touchpoints: [tp()] }, tab)).toMatchObject({ ok: true, stored: [expect.any(String)] });
    expect(await countTouchpoints(db)).toBe(1);
    expect(await getSettings()).toMatchObject({ retentionDays: 14, pseudonymiseExports: true, studyId: 's' });
  });

  it('delete-all leaves no row in any store, aggregates and journey counts included', async () => {
    const r = router();
    await updateSettings({ consentGiven: true });
    await r.handle({ type: 'cs-bg/touchpoints', touchpoints: [tp({ productId: 'p1', tags: ['shop'] }), tp({ type: 'product-view', productId: 'p1' })] }, tab);
    await r.handle({ type: 'cs-bg/items', items: [item()] }, tab);
    await r.handle({ type: 'ui-bg/stats' }, page); // writes the cached journey count into meta
    const db = await getDb();
    expect(await db.count('meta')).toBeGreaterThan(0);
    expect(await r.handle({ type: 'ui-bg/delete-all' }, page)).toEqual({ ok: true });
    for (const store of db.objectStoreNames) expect(await db.count(store), store).toBe(0);
  });

  it('on install makes the salt once and opens the consent page; on update only fills a missing salt', async () => {
    const opened: string[] = [];
    const api = { runtime: { onInstalled: { addListener: () => undefined }, getURL: (p: string) => `chrome-extension://ext${p}` }, tabs: { create: async ({ url }: { url: string }) => opened.push(url) } };
    await onInstalled('install', api, { getSettings, updateSettings });
    expect(opened).toEqual([`chrome-extension://ext${CONSENT_PAGE}`]);
    const salt = (await getSettings()).pseudonymSalt;
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    await onInstalled('update', api, { getSettings, updateSettings });
    expect((await getSettings()).pseudonymSalt).toBe(salt);
    expect(opened).toHaveLength(1);
    expect((await getSettings()).consentGiven).toBe(false);
  });
});
