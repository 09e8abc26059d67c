/**
 * The content script's end of WORKER_PORT (utils/messages.ts): requests go over one long-lived port, each with a
 * number, and its reply comes back with the same number. The port is opened on the first request and again after
 * it closes (MV3 stops an idle worker, which closes it). A request the worker cannot answer — the port closed, or
 * more than PORT_PENDING_MAX waiting — resolves to `undefined`, which callers take as "do it yourself" (for feed
 * responses, utils/content/responses.ts), so nothing sent is lost. Replies are checked: one without a number we
 * are waiting for is ignored.
 */
import type { ContentToBackground, PortReply, PortRequest } from '../messages';
import { WORKER_PORT } from '../messages';

/** Requests waiting for a reply at most; the oldest is given up beyond. Count. */
export const PORT_PENDING_MAX = 64;

/** The parts of runtime.Port used here. */
export interface ClientPort {
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  postMessage(message: unknown): void;
  disconnect(): void;
}

export class WorkerPort {
  private port: ClientPort | null = null;
  private seq = 0;
  private readonly pending = new Map<number, (reply: unknown) => void>();

  constructor(private readonly connect: (name: string) => ClientPort) {}

  request(message: ContentToBackground): Promise<unknown> {
    return new Promise((resolve) => {
      const port = this.open();
      if (!port) return resolve(undefined);
      const id = ++this.seq;
      this.pending.set(id, resolve);
      if (this.pending.size > PORT_PENDING_MAX) this.settle(this.pending.keys().next().value as number, undefined);
      try {
        port.postMessage({ id, message } satisfies PortRequest);
      } catch {
        this.closed(port);
      }
    });
  }

  /** Close the port (the script is being invalidated); what waits resolves to `undefined`. */
  close(): void {
    const port = this.port;
    if (!port) return;
    this.closed(port);
    try {
      port.disconnect();
    } catch {
      /* already gone */
    }
  }

  get waiting(): number {
    return this.pending.size;
  }

  private open(): ClientPort | null {
    if (this.port) return this.port;
    let port: ClientPort;
    try {
      port = this.connect(WORKER_PORT);
    } catch {
      return null; // the extension was reloaded: this script's context is gone
    }
    port.onMessage.addListener((raw) => {
      if (this.port !== port) return; // a closed port's late message answers nothing now
      const id = (raw as Partial<PortReply> | null)?.id;
      if (typeof id === 'number' && this.pending.has(id)) this.settle(id, (raw as PortReply).reply);
    });
    port.onDisconnect.addListener(() => this.closed(port));
    return (this.port = port);
  }

  private closed(port: ClientPort): void {
    if (this.port !== port) return;
    this.port = null;
    for (const id of [...this.pending.keys()]) this.settle(id, undefined);
  }

  private settle(id: number, reply: unknown): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(reply);
  }
}
