// Feed responses over one long-lived port (utils/content/worker-port.ts, utils/background/ports.ts): replies find
// their requests by number, a closed port gives up what waits (the page then does the work) and is opened again,
// forged or unknown replies are ignored, and the worker's end answers only its own port, through the router.
import { describe, expect, it, vi } from 'vitest';
import { WORKER_PORT, type ContentToBackground } from '@/utils/messages';
import { PORT_PENDING_MAX, WorkerPort, type ClientPort } from '@/utils/content/worker-port';
import { servePorts, type PortLike } from '@/utils/background/ports';

function fakePort() {
  const onMessage: Array<(m: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  const posted: unknown[] = [];
  const port: ClientPort & { posted: unknown[]; reply(m: unknown): void; drop(): void } = {
    posted,
    onMessage: { addListener: (fn) => onMessage.push(fn) },
    onDisconnect: { addListener: (fn) => onDisconnect.push(fn) },
    postMessage: (m) => posted.push(m),
    disconnect: vi.fn(),
    reply: (m) => onMessage.forEach((fn) => fn(m)),
    drop: () => onDisconnect.forEach((fn) => fn()),
  };
  return port;
}
const body = (n: number): ContentToBackground => ({ type: 'cs-bg/response', platform: 'douyin', url: `https://www.douyin.com/aweme/v1/web/tab/feed/?n=${n}`, body: '{}' });

describe('the content script end of the worker port', () => {
  it('sends each request with a number and resolves it with the reply of that number, whatever the order', async () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const wp = new WorkerPort((name) => {
      expect(name).toBe(WORKER_PORT);
      const p = fakePort();
      ports.push(p);
      return p;
    });
    const a = wp.request(body(1));
    const b = wp.request(body(2));
    expect(ports).toHaveLength(1); // one port for both
    const [ra, rb] = ports[0].posted as Array<{ id: number; message: ContentToBackground }>;
    expect(ra.message).toEqual(body(1));
    ports[0].reply({ id: rb.id, reply: 'second' });
    ports[0].reply({ id: 999, reply: 'forged' }); // nobody waits for it
    ports[0].reply(null);
    ports[0].reply({ id: ra.id, reply: 'first' });
    await expect(a).resolves.toBe('first');
    await expect(b).resolves.toBe('second');
    expect(wp.waiting).toBe(0);
  });

  it('a port closed by a stopped worker gives up what waits (undefined: the page does it) and the next request opens another', async () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const wp = new WorkerPort(() => (ports.push(fakePort()), ports.at(-1)!));
    const lost = wp.request(body(1));
    ports[0].drop();
    await expect(lost).resolves.toBeUndefined();
    const again = wp.request(body(2));
    expect(ports).toHaveLength(2);
    const [req] = ports[1].posted as Array<{ id: number }>;
    ports[0].reply({ id: req.id, reply: 'from the old port' }); // a closed port's late message is not the answer
    ports[1].reply({ id: req.id, reply: 'ok' });
    await expect(again).resolves.toBe('ok');
  });

  it('keeps at most PORT_PENDING_MAX waiting, and resolves at once when no port can be opened', async () => {
    const wp = new WorkerPort(() => fakePort());
    const first = wp.request(body(0));
    for (let i = 1; i <= PORT_PENDING_MAX; i++) void wp.request(body(i));
    await expect(first).resolves.toBeUndefined(); // the oldest gave way
    expect(wp.waiting).toBe(PORT_PENDING_MAX);
    const gone = new WorkerPort(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(gone.request(body(1))).resolves.toBeUndefined();
  });
});

describe('the worker end of the port', () => {
  function serve() {
    const listeners: Array<(p: PortLike) => void> = [];
    const handle = vi.fn(async (raw: unknown, sender: unknown) => ({ ok: true, raw, sender }));
    const log = vi.fn();
    servePorts({ addListener: (fn) => listeners.push(fn) }, handle, log);
    const connect = (name: string) => {
      const onMessage: Array<(m: unknown) => void> = [];
      const posted: unknown[] = [];
      const port = { name, sender: { tab: { id: 7 }, url: 'https://www.douyin.com/' }, onMessage: { addListener: (fn: (m: unknown) => void) => onMessage.push(fn) }, postMessage: (m: unknown) => posted.push(m), disconnect: vi.fn() };
      listeners.forEach((fn) => fn(port));
      return { port, posted, send: async (m: unknown) => { for (const fn of onMessage) await fn(m); } };
    };
    return { handle, log, connect };
  }

  it('answers a request through the router with the port sender, under the request number', async () => {
    const { handle, connect } = serve();
    const c = connect(WORKER_PORT);
    await c.send({ id: 5, message: body(1) });
    expect(handle).toHaveBeenCalledWith(body(1), { tab: { id: 7 }, url: 'https://www.douyin.com/' });
    expect(c.posted).toEqual([{ id: 5, reply: { ok: true, raw: body(1), sender: c.port.sender } }]);
  });

  it('closes ports of another name and skips envelopes without a safe number, with a log line', async () => {
    const { handle, log, connect } = serve();
    const other = connect('someone-else');
    expect(other.port.disconnect).toHaveBeenCalled();
    const c = connect(WORKER_PORT);
    for (const bad of [null, 'x', { message: body(1) }, { id: 1.5, message: body(1) }, { id: '1', message: body(1) }, { id: 2 ** 60 }]) await c.send(bad);
    expect(handle).not.toHaveBeenCalled();
    expect(c.posted).toEqual([]);
    expect(log).toHaveBeenCalledTimes(6);
  });
});
