/**
 * Settings, with defaults, kept in browser.storage.local under one key. Only the background worker writes them
 * (the popup and dashboard send `ui-bg/update-settings`), so writes are serialised here and never race.
 */
import { browser } from 'wxt/browser';

export interface Settings {
  /** Store touchpoints at all (also needs consentGiven). */
  recordingEnabled: boolean;
  /** Show the tag overlay on feed items. Independent of recording. */
  overlayEnabled: boolean;
  /** The participant agreed to the study's consent text. Nothing is stored before that. */
  consentGiven: boolean;
  studyId: string;
  participantId: string;
  /** Delete touchpoints older than this many days; 0 keeps everything. Days. */
  retentionDays: number;
  /** Authors with at least this many followers get the top-kol tag. Followers. */
  topKolMinFollowers: number;
  /** Set by the background worker when IndexedDB reported QuotaExceededError; recording pauses until cleared. */
  storageFull: boolean;
  /** Replace creator, shop and room ids with salted hashes in exports (utils/journeys/hash.ts). */
  pseudonymiseExports: boolean;
  /** The salt for those hashes: made once (on install, or on first use) and kept, so pseudonyms stay stable. */
  pseudonymSalt: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  recordingEnabled: true,
  overlayEnabled: true,
  consentGiven: false,
  studyId: '',
  participantId: '',
  retentionDays: 0,
  topKolMinFollowers: 1_000_000,
  storageFull: false,
  pseudonymiseExports: false,
  pseudonymSalt: '',
});

export const SETTINGS_STORAGE_KEY = 'settings';

/** Recording actually happens only with consent, the switch on, and room in storage. */
export const isRecording = (s: Settings): boolean => s.consentGiven && s.recordingEnabled && !s.storageFull;

/** Keep only known keys whose value has the default's type, so a damaged stored record can't leak through. */
export function mergeSettings(base: Settings, patch: Record<string, unknown>): Settings {
  const out: Settings = { ...base };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!Object.prototype.hasOwnProperty.call(patch, key)) continue;
    const value = patch[key];
    if (typeof value === typeof DEFAULT_SETTINGS[key]) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

export async function getSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
  const stored = got[SETTINGS_STORAGE_KEY];
  return mergeSettings({ ...DEFAULT_SETTINGS }, stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {});
}

let writes: Promise<unknown> = Promise.resolve();

/** Apply an already validated patch (see validateSettingsPatch) and return the new settings. */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = writes.then(async () => {
    const merged = mergeSettings(await getSettings(), patch as Record<string, unknown>);
    await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: merged });
    return merged;
  });
  writes = next.catch(() => undefined);
  return next;
}
