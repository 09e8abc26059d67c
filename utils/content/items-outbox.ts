/**
 * New or changed classified items go to the background as `cs-bg/items`, in batches. Items are re-sent whenever
 * they change and are stored by id, so this is best effort: no retry queue (touchpoints have one; items reappear).
 */
import type { ClassifiedItem } from '../model/tags';

/** Gather items this long before sending. Milliseconds. */
export const ITEMS_BATCH_DELAY_MS = 1_000;
/** Items per message. Count. */
export const ITEMS_BATCH_MAX = 200;
/** A send without an answer after this long is abandoned. Milliseconds. */
const ITEMS_SEND_TIMEOUT_MS = 3_000;

export class ItemsOutbox {
  private pending = new Map<string, ClassifiedItem>();
  private timer: unknown = null;

  constructor(
    private readonly send: (items: ClassifiedItem[]) => Promise<unknown>,
    private readonly setTimer: (fn: () => void, ms: number) => unknown,
    private readonly log: (message: string, detail?: unknown) => void = () => {},
  ) {}

  add(item: ClassifiedItem): void {
    this.pending.set(item.id, item);
    if (this.pending.size >= ITEMS_BATCH_MAX) this.flush();
    else if (this.timer === null) this.timer = this.setTimer(() => this.flush(), ITEMS_BATCH_DELAY_MS);
  }

  flush(): void {
    this.timer = null;
    while (this.pending.size > 0) {
      const batch = [...this.pending.values()].slice(0, ITEMS_BATCH_MAX);
      for (const item of batch) this.pending.delete(item.id);
      const timeout = new Promise((resolve) => setTimeout(resolve, ITEMS_SEND_TIMEOUT_MS));
      void Promise.race([this.send(batch), timeout]).catch((err) => this.log('items not sent', err));
    }
  }
}
