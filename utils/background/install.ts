/**
 * First run: on install, make the pseudonymisation salt (once; kept for every later export) and open the consent
 * page, which asks before anything is recorded (settings.consentGiven starts false, and the router stores nothing
 * until it is true). On install and update, also bring the content scripts into tabs already open
 * (inject-existing.ts). Registered synchronously from the background's main, so the event that woke the worker
 * reaches it.
 */
import { makeSalt, MIN_SALT_CHARS } from '../journeys/hash';
import type { Settings } from '../settings';
import { injectIntoExistingTabs, type InjectApi } from './inject-existing';

export const CONSENT_PAGE = '/consent.html';

/** The parts of the browser API used here (tests pass fakes). */
export interface InstallApi {
  runtime: {
    onInstalled: { addListener(cb: (details: { reason: string }) => void): void };
    getURL(path: string): string;
  };
  tabs: { create(props: { url: string }): Promise<unknown> };
}

export interface InstallDeps {
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
}

export async function onInstalled(reason: string, api: InstallApi, deps: InstallDeps): Promise<void> {
  if (reason !== 'install' && reason !== 'update') return;
  // An update from a version without the setting also gets its salt here, before any export needs it.
  if ((await deps.getSettings()).pseudonymSalt.length < MIN_SALT_CHARS) await deps.updateSettings({ pseudonymSalt: makeSalt() });
  if (reason === 'install') await api.tabs.create({ url: api.runtime.getURL(CONSENT_PAGE) });
}

/** Content scripts into open tabs; main-world ones only on install (no earlier copy can be running then). */
export async function injectOnInstalled(reason: string, api: InjectApi): Promise<void> {
  if (reason !== 'install' && reason !== 'update') return;
  const report = await injectIntoExistingTabs(api, { mainWorld: reason === 'install' });
  if (report.injected || report.failed) console.info('[guangjie] content scripts into open tabs', report);
}

export function registerInstallHandler(api: InstallApi & InjectApi, deps: InstallDeps): void {
  api.runtime.onInstalled.addListener(({ reason }) => {
    // Independent of each other: a tab need not wait for the settings, nor the consent page for the tabs.
    void onInstalled(reason, api, deps).catch((e) => console.warn('[guangjie] install', e));
    void injectOnInstalled(reason, api).catch((e) => console.warn('[guangjie] inject', e));
  });
}
