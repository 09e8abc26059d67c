/**
 * The worker's end of WORKER_PORT: content scripts send feed responses over a long-lived port (utils/messages.ts
 * says why). Each request is handled by the same router as runtime messages, with the port's sender, so the same
 * validation and the same sender rules apply; the reply goes back with the request's number. A port of another
 * name is not ours and is closed; an envelope without a safe id is skipped with a log line (there is nobody to
 * answer).
 */
import { WORKER_PORT, type PortReply } from '../messages';
import type { Sender } from './router';

/** The parts of runtime.Port used here. */
export interface PortLike {
  name: string;
  sender?: Sender;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  postMessage(message: unknown): void;
  disconnect(): void;
}

export function servePorts(
  onConnect: { addListener(fn: (port: PortLike) => void): void },
  handle: (raw: unknown, sender: Sender) => Promise<unknown>,
  log: (what: string, detail?: unknown) => void = (what, detail) => console.warn('[guangjie]', what, detail ?? ''),
): void {
  onConnect.addListener((port) => {
    if (port.name !== WORKER_PORT) return port.disconnect();
    const sender: Sender = port.sender ?? {};
    port.onMessage.addListener(async (raw) => {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof raw !== 'object' || raw === null || !Number.isSafeInteger(id)) return log('port message without a request number; skipped', typeof raw);
      const reply = await handle((raw as { message?: unknown }).message, sender);
      const out: PortReply = { id: id as number, reply };
      try {
        port.postMessage(out);
      } catch (e) {
        log('the page closed its port before the reply', e); // the page does the work itself (utils/content/responses.ts)
      }
    });
  });
}
