import { describe, expect, it } from 'vitest';
import { installCapture } from '@/utils/capture';
import { ReplayBuffer } from '@/utils/capture/replay-buffer';
import { PAGE_CHANNEL } from '@/utils/messages';

describe('replay buffer', () => {
  it('keeps the newest responses within the count and size bounds, oldest first', () => {
    const buf = new ReplayBuffer(3, 10);
    for (let seq = 1; seq <= 5; seq++) buf.add({ seq, url: 'u', body: 'ab' });
    expect(buf.all().map((e) => e.seq)).toEqual([3, 4, 5]);
    buf.add({ seq: 6, url: 'u', body: 'x'.repeat(9) });
    expect(buf.all().map((e) => e.seq)).toEqual([6]);
  });
});

describe('installCapture', () => {
  it('posts each captured response with a rising seq to its own origin, and replays them on request', async () => {
    const posted: Array<[unknown, string]> = [];
    const listeners: Array<(e: MessageEvent) => void> = [];
    const win = {
      location: { href: 'https://www.douyin.com/', origin: 'https://www.douyin.com' },
      URL,
      fetch: async () => new Response('{"aweme_list":[]}'),
      postMessage: (msg: unknown, origin: string) => posted.push([msg, origin]),
      addEventListener: (_t: string, l: (e: MessageEvent) => void) => listeners.push(l),
      removeEventListener: () => {},
    } as unknown as Window & typeof globalThis;
    installCapture(win, (url) => url.includes('/feed/'));
    await win.fetch('https://www.douyin.com/aweme/v1/web/tab/feed/');
    await win.fetch('https://www.douyin.com/aweme/v1/web/tab/feed/?2');
    await new Promise((r) => setTimeout(r, 0));
    expect(posted.map(([m, o]) => [(m as { seq: number }).seq, o])).toEqual([
      [1, 'https://www.douyin.com'],
      [2, 'https://www.douyin.com'],
    ]);
    expect(posted[0][0]).toMatchObject({ channel: PAGE_CHANNEL, type: 'page-cs/response', body: '{"aweme_list":[]}' });

    // A forged request from another window is ignored; ours is answered with the same two messages.
    listeners[0]({ source: {}, data: { channel: PAGE_CHANNEL, type: 'page-cs/replay-request' } } as MessageEvent);
    expect(posted).toHaveLength(2);
    listeners[0]({ source: win, data: { channel: PAGE_CHANNEL, type: 'page-cs/replay-request' } } as unknown as MessageEvent);
    expect(posted.slice(2).map(([m]) => (m as { seq: number }).seq)).toEqual([1, 2]);
  });
});
