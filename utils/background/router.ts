/**
 * The receiving side of the protocol: check who sent it, validate, then one exhaustive switch over the types.
 * Every path resolves to a reply (never throws, never leaves the sender waiting without one).
 */
import type { ErrorReply, Rejection, ReplyMap, Stats, ToBackground } from '../messages';
import type { Touchpoint } from '../model/touchpoint';
import { isRecording, type Settings } from '../settings';
import { assertNever, validateItem, validateMessage } from '../validate';
import type { GuangjieDb } from '../db/schema';
import { TOUCHPOINT_CHUNKS } from '../db/touchpoint-chunks';
import { RecentDiagnostics, writeDiagnostic, type DiagnosticInput } from './diagnostics';
import { buildStats, summarise } from './stats';
import { classifyResponse, urlPath } from '../response-body';
import { platformById } from '../platforms/registry';
import { emptyBucket } from './aggregates';
import { isQuotaError, StorageFullError, writeItems, writeTouchpoints } from './touchpoint-writer';

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
  /** Whether the disk is (nearly) full; defaults to navigator.storage.estimate(). */
  storageLow?: () => Promise<boolean>;
}

/** Below this much free quota a failed write is taken for a full disk. Bytes. */
export const LOW_SPACE_BYTES = 4 * 1024 * 1024;

/**
 * A really full disk does not always surface as QuotaExceededError: Chromium (checked on a full tmpfs) aborts the
 * commit with a bare AbortError, then refuses to reopen the database with UnknownError. So after any storage
 * failure we also ask how much room is left.
 */
export async function storageLowByEstimate(): Promise<boolean> {
  const estimate = globalThis.navigator?.storage?.estimate;
  if (typeof estimate !== 'function') return false;
  try {
    const { quota, usage } = await estimate.call(globalThis.navigator.storage);
    return typeof quota === 'number' && typeof usage === 'number' && quota - usage < LOW_SPACE_BYTES;
  } catch {
    return false;
  }
}

type AnyReply = ReplyMap[keyof ReplyMap];
const error = (code: ErrorReply['error'], reason?: string): ErrorReply => (reason ? { ok: false, error: code, reason } : { ok: false, error: code });

function statsWhenUnreadable(): Stats {
  const none = { ...summarise(emptyBucket()), journeys: null };
  return { today: none, allTime: none, topShops: [], storageFull: true, degraded: false, recording: false };
}

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

  const storageLow = deps.storageLow ?? storageLowByEstimate;

  /** After a failed write or open: a full disk pauses recording (null if the disk is not full). */
  async function pauseIfFull(e: unknown): Promise<ErrorReply | null> {
    if (!(e instanceof StorageFullError) && !isQuotaError(e) && !(await storageLow())) return null;
    // The settings live on the same disk: if even this write fails, the popup still hears it from `recent`.
    await deps.updateSettings({ storageFull: true }).catch((err) => log('could not record storageFull', err));
    recent.add({ at: now(), kind: 'storage-error', detail: `${e instanceof Error ? e.name : 'error'}: disk full, recording paused` });
    log('storage full; recording paused', e instanceof StorageFullError ? e.cause : e);
    return error('storage-full');
  }

  /** Run a storage write; a full disk pauses recording and asks the sender to keep its queue. */
  async function store<R>(write: () => Promise<R>, onOk: (r: R) => AnyReply): Promise<AnyReply> {
    try {
      return onOk(await write());
    } catch (e) {
      const full = await pauseIfFull(e);
      if (full) return full;
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
        // Opening is part of the write: on a full disk the open itself fails.
        return store(async () => writeTouchpoints(await deps.getDb(), message.touchpoints, { extVersion: deps.extVersion, now: now() }),
          (stored) => withRejected({ ok: true as const, stored }));
      }
      case 'cs-bg/items': {
        const settings = await deps.getSettings();
        if (rejectedCount) log(`rejected ${rejectedCount} item(s)`, rej);
        if (settings.storageFull) return error('storage-full');
        if (!isRecording(settings)) return withRejected({ ok: true as const, stored: 0, dropped: true as const });
        return store(async () => writeItems(await deps.getDb(), message.items, { extVersion: deps.extVersion, now: now() }),
          (stored) => withRejected({ ok: true as const, stored }));
      }
      case 'cs-bg/response': {
        const settings = await deps.getSettings();
        const got = classifyResponse(platformById(message.platform), message.url, message.body, settings, log);
        if (got.badJson) {
          await diagnose({ at: now(), kind: 'bad-json', tabId, platform: message.platform, detail: `${urlPath(message.url)} (${message.body.length} characters)` }, settings);
          return { ok: true, items: [], live: [], badJson: true, stored: 0 };
        }
        // The same gate as items sent by a page (cs-bg/items): what is stored is what validateItem lets through.
        const items = got.items.flatMap((it) => { const v = validateItem(it); return v.ok ? [v.value] : []; });
        const reply = { ok: true as const, items, live: got.live };
        if (settings.storageFull || !isRecording(settings) || items.length === 0) return { ...reply, stored: 0, dropped: true as const };
        try {
          return { ...reply, stored: await writeItems(await deps.getDb(), items, { extVersion: deps.extVersion, now: now() }) };
        } catch (e) {
          // The page still gets its items (its overlay needs them); a full disk pauses recording as for any write.
          if (!(await pauseIfFull(e))) log('storage error', e);
          return { ...reply, stored: 0, dropped: true as const };
        }
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
      case 'ui-bg/stats': {
        const settings = await deps.getSettings();
        try {
          return { ok: true, stats: await buildStats(await deps.getDb(), { tabId: message.tabId, now: now(), settings, recent }) };
        } catch (e) {
          // On a full disk the database may not even open: no numbers, but the popup must still say why.
          if (!(await pauseIfFull(e))) throw e;
          return { ok: true, stats: statsWhenUnreadable() };
        }
      }
      case 'ui-bg/delete-all': {
        const db = await deps.getDb();
        const tx = db.transaction([TOUCHPOINT_CHUNKS, 'items', 'diagnostics', 'seen', 'meta'], 'readwrite');
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
