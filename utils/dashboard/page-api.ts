/**
 * What the extension's own pages (dashboard, consent, popup) share: translated strings through the extension
 * i18n mechanism (following the browser's language), and messages to the background worker.
 */
import { browser } from 'wxt/browser';
import type { ReplyTo, ToBackground } from '../messages';
import type { Settings } from '../settings';
import { makeSalt } from '../journeys/hash';

/** A message by key, with $1… substitutions; the key itself when missing (visible in tests and screenshots). */
export const t = (key: string, subs?: string[]): string =>
  (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || key;

export const uiLanguage = (): string => browser.i18n.getUILanguage();

export async function ask<M extends ToBackground>(message: M): Promise<ReplyTo<M['type']>> {
  const reply = (await browser.runtime.sendMessage(message)) as ReplyTo<M['type']> | undefined;
  if (!reply) throw new Error('no reply from the background worker');
  return reply;
}

export async function loadSettings(): Promise<Settings> {
  const reply = await ask({ type: 'ui-bg/settings' });
  if (!reply.ok) throw new Error(reply.error);
  return reply.settings;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const reply = await ask({ type: 'ui-bg/update-settings', patch: patch as Record<string, unknown> });
  if (!reply.ok) throw new Error(reply.error);
  return reply.settings;
}

/** Make and store the pseudonymisation salt (normally made on install); returns it. */
export async function ensureSalt(): Promise<string> {
  return (await saveSettings({ pseudonymSalt: makeSalt() })).pseudonymSalt;
}
