/**
 * The receiving side of the protocol: check who sent it, validate, then one exhaustive switch over the types.
 * Every path resolves to a reply (never throws, never leaves the sender waiting without one).
 */
import type { ErrorReply, Rejection, ReplyMap, ToBackground } from '../messages';
import type { Touchpoint } from '../model/touchpoint';
import { isRecording, type Settings } from '../settings';
import { assertNever, validateMessage } from '../validate';
import type { GuangjieDb } from '../db/schema';
import { RecentDiagnostics, writeDiagnostic, type DiagnosticInput } from './diagnostics';
import { buildStats } from './stats';
import { StorageFullError, writeItems, writeTouchpoints } from './touchpoint-writer';

/** The parts of runtime.MessageSender we look at. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface RouterDeps {
  getDb(): Promise<GuangjieDb>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  extVersion: string;
  /** This extension's id and base URL (`browser.runtime.id`, `browser.runtime.getURL('')`). */
  extensionId: string;
  extensionOrigin: string;
  now?: () => number;
  recent?: RecentDiagnostics;
  log?: (what: string, detail?: unknown) => void;
}

type AnyReply = ReplyMap[keyof ReplyMap];
const error = (code: ErrorReply['error'], reason?: string): ErrorReply => (reason ? { ok: false, error: code, reason } : { ok: false, error: code });

/** Content-script messages come from a tab of this extension; page messages from this extension's own pages. */
export function senderAllowed(type: ToBackground['type'], sender: Sender, deps: Pick<RouterDeps, 'extensionId' | 'extensionOrigin'>): boolean {
  if (sender.id !== undefined && sender.id !== deps.extensionId) return false;
  if (type.startsWith('cs-bg/')) return typeof sender.tab?.id === 'number';
  return typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
}

export function createRouter(deps: RouterDeps) {
  const now = deps.now ?? Date.now;
  const recent = deps.recent ?? new RecentDiagnostics();
  const log = deps.log ?? ((what, detail) => console.warn(`[guangjie] ${what}`, detail ?? ''));

  /** Keep a diagnostic: always in memory, in the database only while recording. */
  async function diagnose(d: DiagnosticInput, settings: Settings): Promise<void> {
    recent.add(d);
    if (isRecording(settings)) await writeDiagnostic(await deps.getDb(), d, { extVersion: deps.extVersion, now: now() });
  }

  /** Run a storage write; a full disk pauses recording and asks the sender to keep its queue. */
  async function store<R>(write: () => Promise<R>, onOk: (r: R) => AnyReply): Promise<AnyReply> {
    try {
      return onOk(await write());
    } catch (e) {
      if (e instanceof StorageFullError) {
        await deps.updateSettings({ storageFull: true });
        recent.add({ at: now(), kind: 'storage-error', detail: 'QuotaExceededError: recording paused' });
        log('storage full; recording paused', e.cause);
        return error('storage-full');
      }
      log('storage error', e);
      return error('storage-error', e instanceof Error ? e.name : undefined);
    }
  }

  async function dispatch(message: ToBackground, sender: Sender, rej: Rejection[]): Promise<AnyReply> {
    const rejectedCount = rej.length;
    const withRejected = <T extends object>(r: T) => (rej.length ? { ...r, rejected: rej } : r);
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'cs-bg/touchpoints': {
        const settings = await deps.getSettings();
        if (rejectedCount) {
          log(`rejected ${rejectedCount} touchpoint(s)`, rej);
          const first = message.touchpoints[0] as Touchpoint | undefined;
          await diagnose({ at: now(), kind: 'rejected-message', tabId, platform: first?.platform,
            detail: `${rejectedCount} touchpoint(s): ${rej.slice(0, 5).map((r) => r.reason).join('; ')}` }, settings);
        }
        const ids = message.touchpoints.map((tp) => tp.id);
        if (settings.storageFull) return error('storage-full');
        if (!isRecording(settings)) return withRejected({ ok: true as const, stored: ids, dropped: true as const });
        const db = await deps.getDb();
        return store(() => writeTouchpoints(db, message.touchpoints, { extVersion: deps.extVersion, now: now() }),
          (stored) => withRejected({ ok: true as const, stored }));
      }
      case 'cs-bg/items': {
        const settings = await deps.getSettings();
        if (rejectedCount) log(`rejected ${rejectedCount} item(s)`, rej);
        if (settings.storageFull) return error('storage-full');
        if (!isRecording(settings)) return withRejected({ ok: true as const, stored: 0, dropped: true as const });
        const db = await deps.getDb();
        return store(() => writeItems(db, message.items, { extVersion: deps.extVersion, now: now() }),
          (stored) => withRejected({ ok: true as const, stored }));
      }
      case 'cs-bg/diagnostic':
        await diagnose({ ...message.diagnostic, tabId }, await deps.getSettings());
        return { ok: true };
      case 'cs-bg/settings':
      case 'ui-bg/settings':
        return { ok: true, settings: await deps.getSettings() };
      case 'ui-bg/update-settings': {
        // Switching recording back on is how the participant retries after freeing space.
        const patch = message.patch.recordingEnabled === true ? { ...message.patch, storageFull: false } : message.patch;
        return { ok: true, settings: await deps.updateSettings(patch) };
      }
      case 'ui-bg/stats':
        return { ok: true, stats: await buildStats(await deps.getDb(), { tabId: message.tabId, now: now(), settings: await deps.getSettings(), recent }) };
      case 'ui-bg/delete-all': {
        const db = await deps.getDb();
        const tx = db.transaction(['touchpoints', 'items', 'diagnostics', 'seen', 'meta'], 'readwrite');
        await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
        await tx.done;
        recent.clear();
        await deps.updateSettings({ storageFull: false });
        return { ok: true };
      }
      default:
        return assertNever(message);
    }
  }

  return {
    recent,
    async handle(raw: unknown, sender: Sender): Promise<AnyReply> {
      try {
        const v = validateMessage(raw, now());
        if (!v.ok) {
          log('invalid message', v.reason);
          return error('invalid-message', v.reason);
        }
        const { message, rejected } = v.value;
        if (!senderAllowed(message.type, sender, deps)) {
          log('message from a sender not allowed for its type', { type: message.type, url: sender.url });
          return error('forbidden-sender');
        }
        return await dispatch(message, sender, rejected);
      } catch (e) {
        log('handler failed', e);
        return error('storage-error', e instanceof Error ? e.name : undefined);
      }
    },
  };
}
