import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Touchpoint } from '@/utils/model/touchpoint';
import { BATCH_BACKLOG_MAX, BATCH_DELAY_MS, BATCH_MAX, SEND_TIMEOUT_MS, TouchpointSender, readReply } from '@/utils/content/sender';

let n = 0;
const tp = (): Touchpoint => ({ id: `tp-${++n}`, type: 'impression', at: n, platform: 'douyin', surface: 'recommend', pageUrl: 'https://www.douyin.com/', tags: [] });

/** A background worker that stores by id, and can be stopping (undefined reply), hung, or throwing. */
function fakeWorker() {
  const stored = new Map<string, Touchpoint>();
  const writes: string[] = [];
  const w = {
    mode: 'ok' as 'ok' | 'undefined' | 'hang' | 'throw' | 'ack-late',
    stored,
    writes,
    calls: 0,
    late: [] as Array<() => void>,
    transport: async (batch: Touchpoint[]): Promise<unknown> => {
      w.calls++;
      const store = () => {
        for (const t of batch) {
          if (!stored.has(t.id)) writes.push(t.id);
          stored.set(t.id, t);
        }
        return { ok: true, stored: batch.map((t) => t.id) };
      };
      if (w.mode === 'undefined') return undefined;
      if (w.mode === 'throw') throw new Error('Could not establish connection. Receiving end does not exist.');
      if (w.mode === 'hang') return new Promise(() => {});
      if (w.mode === 'ack-late') return new Promise((resolve) => w.late.push(() => resolve(store())));
      return store();
    },
  };
  return w;
}

describe('touchpoint sender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('batches, and removes only what the reply acknowledges', async () => {
    const sent: Touchpoint[][] = [];
    const sender = new TouchpointSender(async (batch) => {
      sent.push(batch);
      return { ok: true, stored: [batch[0].id] };
    });
    const [a, b] = [tp(), tp()];
    sender.enqueue(a);
    sender.enqueue(b);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(sent).toEqual([[a, b]]);
    expect(sender.pending).toEqual([b]);
  });

  it('an undefined reply (worker stopping) is not delivery: the batch is retried', async () => {
    const w = fakeWorker();
    const sender = new TouchpointSender(w.transport);
    w.mode = 'undefined';
    const a = tp();
    sender.enqueue(a);
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(sender.pending).toEqual([a]);
    w.mode = 'ok';
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sender.pending).toEqual([]);
    expect(w.writes).toEqual([a.id]);
  });

  it('a send that hangs times out and is retried', async () => {
    const w = fakeWorker();
    const sender = new TouchpointSender(w.transport);
    w.mode = 'hang';
    const a = tp();
    sender.enqueue(a);
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS + SEND_TIMEOUT_MS);
    expect(w.calls).toBe(1);
    w.mode = 'ok';
    await vi.advanceTimersByTimeAsync(10_000);
    expect(w.calls).toBe(2);
    expect(sender.pending).toEqual([]);
  });

  it('drains a backlog in larger batches (up to BATCH_BACKLOG_MAX), a trickle in batches of BATCH_MAX', async () => {
    const sizes: number[] = [];
    const w = fakeWorker();
    const sender = new TouchpointSender((batch) => (sizes.push(batch.length), w.transport(batch)));
    const all = Array.from({ length: BATCH_BACKLOG_MAX + 300 }, tp);
    all.forEach((t) => sender.enqueue(t));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sender.pending).toEqual([]);
    expect(Math.max(...sizes)).toBe(BATCH_BACKLOG_MAX);
    expect(w.writes).toEqual(all.map((t) => t.id));
    sizes.length = 0;
    Array.from({ length: BATCH_MAX }, tp).forEach((t) => sender.enqueue(t));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sizes).toEqual([BATCH_MAX]);
  });

  it('sends the tail of a burst at once after a full batch, without the gathering delay', async () => {
    const sizes: number[] = [];
    const w = fakeWorker();
    w.mode = 'ack-late';
    const sender = new TouchpointSender((batch) => (sizes.push(batch.length), w.transport(batch)));
    Array.from({ length: BATCH_MAX }, tp).forEach((t) => sender.enqueue(t));
    await vi.advanceTimersByTimeAsync(0); // the full batch goes, and is in flight while 30 more arrive
    Array.from({ length: 30 }, tp).forEach((t) => sender.enqueue(t));
    w.mode = 'ok';
    w.late.splice(0).forEach((resolve) => resolve());
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS - 1);
    expect(sizes).toEqual([BATCH_MAX, 30]);
    expect(sender.pending).toEqual([]);
  });

  it('sends a full batch the moment it fills, and sets no timer per touchpoint while a burst goes on', async () => {
    const w = fakeWorker();
    w.mode = 'ack-late';
    let timersSet = 0;
    const timers = { setTimeout: (fn: () => void, ms: number) => (timersSet++, setTimeout(fn, ms)), clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };
    const sizes: number[] = [];
    const sender = new TouchpointSender((batch) => (sizes.push(batch.length), w.transport(batch)), timers);
    const burst = Array.from({ length: BATCH_MAX + BATCH_BACKLOG_MAX + 400 }, tp);
    burst.slice(0, BATCH_MAX).forEach((t) => sender.enqueue(t));
    expect(sizes).toEqual([BATCH_MAX]); // sent synchronously, no timer had to fire
    burst.slice(BATCH_MAX).forEach((t) => sender.enqueue(t));
    expect(sizes).toEqual([BATCH_MAX]); // one batch in flight: the rest waits for its reply
    expect(timersSet).toBeLessThanOrEqual(2); // the gathering timer and the send timeout, not one per touchpoint
    w.mode = 'ok';
    w.late.splice(0).forEach((resolve) => resolve());
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS - 1); // the backlog drains at once, without a gathering delay
    expect(sizes).toEqual([BATCH_MAX, BATCH_BACKLOG_MAX, 400]);
    expect(w.writes).toEqual(burst.map((t) => t.id));
  });

  it('worker stops mid-burst: nothing lost, nothing stored twice, order kept', async () => {
    const w = fakeWorker();
    const sender = new TouchpointSender(w.transport);
    const all = Array.from({ length: 250 }, tp);
    all.slice(0, 120).forEach((t) => sender.enqueue(t));
    await vi.advanceTimersByTimeAsync(0); // the first full batch of 100 goes at once
    w.mode = 'throw';
    all.slice(120, 200).forEach((t) => sender.enqueue(t));
    await vi.advanceTimersByTimeAsync(2_000);
    w.mode = 'ack-late'; // the restarted worker stores, but answers only after the timeout
    await vi.advanceTimersByTimeAsync(5_000);
    w.late.splice(0).forEach((resolve) => resolve());
    w.mode = 'undefined';
    all.slice(200).forEach((t) => sender.enqueue(t));
    await vi.advanceTimersByTimeAsync(5_000);
    w.mode = 'ok';
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sender.pending).toEqual([]);
    expect(w.writes).toEqual(all.map((t) => t.id));
    expect(new Set(w.writes).size).toBe(250);
  });

  it('flush sends at once (pagehide)', async () => {
    const w = fakeWorker();
    const sender = new TouchpointSender(w.transport);
    sender.enqueue(tp());
    sender.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.calls).toBe(1);
    expect(sender.pending).toEqual([]);
  });

  it('page hide sends everything queued at once, even beside a batch still in flight', async () => {
    const w = fakeWorker();
    const sender = new TouchpointSender(w.transport);
    w.mode = 'ack-late'; // the first batch is in flight, its answer not yet back
    const first = tp();
    sender.enqueue(first);
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(w.calls).toBe(1);
    w.mode = 'ok';
    const rest = Array.from({ length: BATCH_BACKLOG_MAX + 3 }, tp); // a room's leave, the last impressions…
    rest.forEach((t) => sender.enqueue(t));
    sender.flushAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.calls).toBe(3); // the rest, in two messages, without waiting for the first reply or a timer
    expect(w.writes).toEqual(rest.map((t) => t.id));
    expect(sender.pending).toEqual([first]);
    w.late.forEach((ack) => ack());
    await vi.advanceTimersByTimeAsync(0);
    expect(sender.pending).toEqual([]);
    expect(w.writes).toHaveLength(rest.length + 1);
  });

  it('page hide with nothing in flight sends the queue once, not twice', async () => {
    const w = fakeWorker();
    const sender = new TouchpointSender(w.transport);
    const all = Array.from({ length: 3 }, tp);
    all.forEach((t) => sender.enqueue(t));
    sender.flushAll();
    await vi.advanceTimersByTimeAsync(BATCH_DELAY_MS);
    expect(w.calls).toBe(1);
    expect(w.writes).toEqual(all.map((t) => t.id));
    expect(sender.pending).toEqual([]);
  });

  it('drops the oldest, with a log, only past the queue cap', () => {
    const log = vi.fn();
    const sender = new TouchpointSender(async () => undefined, undefined, log, 3);
    const items = Array.from({ length: 5 }, tp);
    items.forEach((t) => sender.enqueue(t));
    expect(sender.pending).toEqual(items.slice(2));
    expect(sender.dropped).toBe(2);
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('reading a reply', () => {
  const batch = [tp(), tp(), tp()];
  it('stored, rejected and dropped leave the queue; errors and undefined do not', () => {
    expect(readReply(undefined, batch)).toEqual({ remove: [], answered: false });
    expect(readReply({ ok: true, stored: [batch[0].id], rejected: [{ index: 2, reason: 'bad' }] }, batch)).toEqual({ remove: [batch[0].id, batch[2].id], answered: true });
    expect(readReply({ ok: true, stored: [], dropped: true }, batch).remove).toHaveLength(3);
    expect(readReply({ ok: false, error: 'storage-full' }, batch)).toEqual({ remove: [], answered: false });
    expect(readReply({ ok: false, error: 'invalid-message' }, batch).remove).toHaveLength(3);
  });
});
