/**
 * Keep `session.settings` current: read once at start, then follow `browser.storage.onChanged` for the settings key
 * (only the background writes it). The overlay switch takes effect at once.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, getSettings, mergeSettings, SETTINGS_STORAGE_KEY, type Settings } from '../settings';
import { log } from './guard';
import type { Session } from './session';

export async function followSettings(session: Session, onChange: (s: Settings) => void): Promise<void> {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !(SETTINGS_STORAGE_KEY in changes)) return;
    const stored = changes[SETTINGS_STORAGE_KEY].newValue;
    session.settings = mergeSettings({ ...DEFAULT_SETTINGS }, stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {});
    onChange(session.settings);
  };
  browser.storage.onChanged.addListener(listener);
  session.ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
  try {
    session.settings = await getSettings();
    onChange(session.settings);
  } catch (err) {
    log('settings unreadable; using defaults', err);
  }
}
