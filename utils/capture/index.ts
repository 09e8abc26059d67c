/**
 * The main-world capture: wrap the page's network calls, post each item-endpoint body to the isolated content
 * script (`page-cs/response`), and re-post the recent ones when it asks (`page-cs/replay-request`).
 * Imports nothing from the extension API: it runs as a page script.
 */
import { PAGE_CHANNEL, type PageToContent } from '../messages';
import { ReplayBuffer } from './replay-buffer';
import { MAX_BODY_CHARS, wrapFetch, wrapXhr } from './observer';

type Win = Window & typeof globalThis;

export interface InstalledCapture {
  buffer: ReplayBuffer;
  uninstall(): void;
}

const log = (message: string, detail?: unknown): void => console.debug('[guangjie capture]', message, detail ?? '');

export function installCapture(win: Win, isItemEndpoint: (url: string) => boolean): InstalledCapture {
  const buffer = new ReplayBuffer();
  const origin = win.location.origin;
  let seq = 0;

  const post = (entry: { seq: number; url: string; body: string }): void => {
    const msg: PageToContent = { channel: PAGE_CHANNEL, type: 'page-cs/response', ...entry };
    win.postMessage(msg, origin);
  };

  const onResponse = (url: string, body: string): void => {
    const entry = { seq: ++seq, url, body };
    buffer.add(entry);
    post(entry);
  };

  const opts = { isItemEndpoint, onResponse, maxBodyChars: MAX_BODY_CHARS, log };
  const restoreFetch = wrapFetch(win, opts);
  const restoreXhr = wrapXhr(win, opts);

  const onMessage = (event: MessageEvent): void => {
    const data = event.data as Partial<PageToContent> | null;
    if (event.source !== win || !data || data.channel !== PAGE_CHANNEL || data.type !== 'page-cs/replay-request') return;
    for (const entry of buffer.all()) post(entry);
  };
  win.addEventListener('message', onMessage);

  return {
    buffer,
    uninstall() {
      restoreFetch();
      restoreXhr();
      win.removeEventListener('message', onMessage);
    },
  };
}
