/**
 * Deliver touchpoints to the background worker without loss or duplicates.
 *
 * A service worker that is stopping can answer a message with a plain `undefined`, and a send to it can hang forever
 * (STYLE "Traps"). So a touchpoint leaves the queue only when a reply lists its id in `stored`; anything else —
 * `undefined`, an error, no answer within SEND_TIMEOUT_MS — is retried with backoff. Every touchpoint carries an id
 * made where it was observed and the background stores by id, so a retry of something already stored is a no-op.
 * One batch is in flight at a time, oldest first, so order is kept; a backlog goes in batches of up to
 * BATCH_BACKLOG_MAX.
 */
import type { Touchpoint } from '../model/touchpoint';

/** Wait this long to gather a batch. Milliseconds. */
export const BATCH_DELAY_MS = 500;
/** Send at most this many per message; a full batch goes at once. Count. */
export const BATCH_MAX = 100;
/**
 * While a backlog waits (more than BATCH_MAX queued), send up to this many per message: each message and worker
 * transaction has a fixed cost, so a burst drains in fewer, larger commits (a 10,000-click burst was stored at
 * ~5,200 a second in batches of 500, 8,500–10,800 in batches of 2,000; docs/PERFORMANCE.md). Never above
 * LIMITS.batchTouchpoints. Count.
 */
export const BATCH_BACKLOG_MAX = 2000;
/** A send without an answer after this long counts as failed. Milliseconds. */
export const SEND_TIMEOUT_MS = 3_000;
/** First retry delay, doubled per failure up to RETRY_MAX_MS. Milliseconds. */
export const RETRY_BASE_MS = 500;
export const RETRY_MAX_MS = 30_000;
/** Past this many queued touchpoints (hours of a dead worker) the oldest are dropped, with a log. Count. */
export const QUEUE_MAX = 100_000;
/** A live worker that acknowledged a batch but left a touchpoint out this many times refuses it: drop it. Count. */
export const REFUSED_MAX = 5;

export type Transport = (touchpoints: Touchpoint[]) => Promise<unknown>;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * What a reply means for a batch: which ids leave the queue, and whether the worker answered at all.
 * `stored`, `rejected` (invalid: resending can't help) and `dropped` (recording off) all leave the queue; a
 * storage error keeps everything for later; `undefined` or anything unrecognised is "not delivered".
 */
export function readReply(reply: unknown, batch: readonly Touchpoint[]): { remove: string[]; answered: boolean } {
  if (!reply || typeof reply !== 'object') return { remove: [], answered: false };
  const r = reply as { ok?: unknown; stored?: unknown; dropped?: unknown; rejected?: unknown; error?: unknown };
  if (r.ok === false) {
    // The message itself is unacceptable: sending the same batch again fails the same way.
    const hopeless = r.error === 'invalid-message' || r.error === 'forbidden-sender';
    return { remove: hopeless ? batch.map((t) => t.id) : [], answered: hopeless };
  }
  if (r.ok !== true || !Array.isArray(r.stored)) return { remove: [], answered: false };
  if (r.dropped === true) return { remove: batch.map((t) => t.id), answered: true };
  const remove = r.stored.filter((id): id is string => typeof id === 'string');
  if (Array.isArray(r.rejected)) {
    for (const rej of r.rejected as Array<{ index?: unknown; id?: unknown }>) {
      if (typeof rej?.id === 'string') remove.push(rej.id);
      else if (typeof rej?.index === 'number' && batch[rej.index]) remove.push(batch[rej.index].id);
    }
  }
  return { remove, answered: true };
}

export class TouchpointSender {
  private queue: Touchpoint[] = [];
  private inFlight = false;
  /** The ids of the batch in flight: a page-hide flush sends everything else beside it. */
  private inFlightIds = new Set<string>();
  private failures = 0;
  private timer: unknown = null;
  private refusals = new Map<string, number>();
  dropped = 0;

  constructor(
    private readonly transport: Transport,
    private readonly timers: Timers = defaultTimers,
    private readonly log: (message: string, detail?: unknown) => void = () => {},
    private readonly maxQueue = QUEUE_MAX,
  ) {}

  get pending(): readonly Touchpoint[] {
    return this.queue;
  }

  enqueue(touchpoint: Touchpoint): void {
    this.queue.push(touchpoint);
    if (this.queue.length > this.maxQueue) {
      this.queue.shift();
      this.dropped++;
      if (this.dropped === 1 || this.dropped % 1000 === 0) this.log(`queue full: ${this.dropped} oldest touchpoints dropped`);
    }
    if (this.failures > 0) return; // a retry is already scheduled; don't hammer a dead worker
    if (this.queue.length < BATCH_MAX) return this.schedule(BATCH_DELAY_MS);
    // A full batch goes now, not when the gathering timer its first touchpoint set fires: the worker then writes
    // while the burst goes on. While a batch is in flight the rest waits for its reply, which sends the next.
    if (!this.inFlight) this.flush();
  }

  /** Send the next batch now (a batch just filled; tests). Safe to call any time. Page hide uses flushAll. */
  flush(): void {
    this.clearTimer();
    void this.sendNext();
  }

  /**
   * The page is going away (pagehide): everything queued goes now, in as many messages as it takes, even while a
   * batch is in flight — that batch's reply may come to a page that no longer runs, and waiting for it would leave
   * the rest (a live room's leave, the last impressions) behind. A message sent during pagehide still reaches the
   * worker, and it stores by id, so a touchpoint that also goes again later (the page was kept in the back/forward
   * cache) is stored once.
   */
  flushAll(): void {
    this.clearTimer();
    void this.sendNext(); // starts a batch unless one is in flight; either way inFlightIds now holds what is on its way
    const rest = this.queue.filter((t) => !this.inFlightIds.has(t.id));
    for (let i = 0; i < rest.length; i += BATCH_BACKLOG_MAX) {
      const batch = rest.slice(i, i + BATCH_BACKLOG_MAX);
      this.transport(batch).then(
        (reply) => this.remove(readReply(reply, batch).remove),
        (err) => this.log('send on page hide failed', err),
      );
    }
  }

  private schedule(ms: number): void {
    if (this.timer !== null || this.inFlight) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.sendNext();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async sendNext(): Promise<void> {
    if (this.inFlight || this.queue.length === 0) return;
    this.inFlight = true;
    const batch = this.queue.slice(0, this.queue.length > BATCH_MAX ? BATCH_BACKLOG_MAX : BATCH_MAX);
    this.inFlightIds = new Set(batch.map((t) => t.id));
    let settled = false;
    const attempt = this.transport(batch).then(
      (reply) => {
        // Apply an acknowledgement even when it comes after the timeout: those ids are stored.
        const { remove, answered } = readReply(reply, batch);
        if (!answered) return false;
        if (remove.length < batch.length) this.log('reply left touchpoints out', reply);
        this.remove(remove);
        this.countRefusals(batch, remove);
        return true; // the worker is alive and answering; anything it left out goes again in the next batch
      },
      (err) => {
        if (!settled) this.log('send failed', err);
        return false;
      },
    );
    const timeout = new Promise<false>((resolve) => {
      const handle = this.timers.setTimeout(() => resolve(false), SEND_TIMEOUT_MS);
      void attempt.finally(() => this.timers.clearTimeout(handle));
    });
    const delivered = await Promise.race([attempt, timeout]);
    settled = true;
    this.inFlight = false;
    this.inFlightIds.clear();
    if (delivered) {
      this.failures = 0;
      // After a full batch a burst is draining: send its tail at once rather than waiting to gather more.
      const draining = batch.length >= BATCH_MAX;
      if (this.queue.length > 0) this.schedule(draining || this.queue.length >= BATCH_MAX ? 0 : BATCH_DELAY_MS);
    } else {
      this.failures++;
      this.schedule(Math.min(RETRY_BASE_MS * 2 ** (this.failures - 1), RETRY_MAX_MS));
    }
  }

  private countRefusals(batch: Touchpoint[], stored: string[]): void {
    const acked = new Set(stored);
    for (const t of batch) {
      if (acked.has(t.id)) continue;
      const n = (this.refusals.get(t.id) ?? 0) + 1;
      this.refusals.set(t.id, n);
      if (n >= REFUSED_MAX) {
        this.log('the background refused a touchpoint repeatedly; dropped', t);
        this.refusals.delete(t.id);
        this.remove([t.id]);
      }
    }
  }

  private remove(ids: string[]): void {
    for (const id of ids) this.refusals.delete(id);
    const stored = new Set(ids);
    this.queue = this.queue.filter((t) => !stored.has(t.id));
  }
}
