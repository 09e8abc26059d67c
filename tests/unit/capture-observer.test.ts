import { describe, expect, it, vi } from 'vitest';
import { wrapFetch, wrapXhr } from '@/utils/capture/observer';

const FEED = 'https://www.douyin.com/aweme/v1/web/tab/feed/?count=10';
const OTHER = 'https://www.douyin.com/aweme/v1/web/im/unread/';
const isItemEndpoint = (url: string) => url.includes('/tab/feed/');
const flush = () => new Promise((r) => setTimeout(r, 0));

function fakeWindow(fetchImpl: (...args: unknown[]) => Promise<Response>) {
  return { fetch: fetchImpl, location: { href: 'https://www.douyin.com/', origin: 'https://www.douyin.com' }, URL } as unknown as Window & typeof globalThis;
}

describe('fetch wrapper', () => {
  it('gives the page the very same Response, whose body the page can still read in full', async () => {
    const body = JSON.stringify({ aweme_list: [{ aweme_id: '1' }] });
    const original = new Response(body, { status: 200 });
    const win = fakeWindow(async () => original);
    const seen: Array<[string, string]> = [];
    wrapFetch(win, { isItemEndpoint, onResponse: (u, b) => seen.push([u, b]) });
    const got = await win.fetch(FEED);
    expect(got).toBe(original);
    expect(got).toBeInstanceOf(Response);
    expect(await got.text()).toBe(body);
    await flush();
    expect(seen).toEqual([[FEED, body]]);
  });

  it('keeps the native name and length, and passes `this` and every argument through', async () => {
    const native = vi.fn(async function fetch(_input: unknown) {
      return new Response('{}');
    });
    Object.defineProperty(native, 'name', { value: 'fetch' });
    const win = fakeWindow(native as never);
    wrapFetch(win, { isItemEndpoint, onResponse: () => {} });
    expect(win.fetch.name).toBe('fetch');
    expect(win.fetch.length).toBe(native.length);
    const init = { method: 'POST' };
    await win.fetch(OTHER, init);
    expect(native).toHaveBeenCalledWith(OTHER, init);
    expect(String(win.fetch)).toBe(Function.prototype.toString.call(native));
  });

  it('lets a network error reach the page untouched', async () => {
    const error = new TypeError('Failed to fetch');
    const win = fakeWindow(() => Promise.reject(error));
    const onResponse = vi.fn();
    wrapFetch(win, { isItemEndpoint, onResponse });
    await expect(win.fetch(FEED)).rejects.toBe(error);
    expect(onResponse).not.toHaveBeenCalled();
  });

  it('does not read responses of other endpoints, or error statuses', async () => {
    const onResponse = vi.fn();
    const win = fakeWindow(async (url) => new Response('{}', { status: String(url).includes('feed') ? 500 : 200 }));
    wrapFetch(win, { isItemEndpoint, onResponse });
    await win.fetch(OTHER);
    await win.fetch(FEED);
    await flush();
    expect(onResponse).not.toHaveBeenCalled();
  });

  it('skips, with a log, a body over the size cap (declared or actual)', async () => {
    const log = vi.fn();
    const onResponse = vi.fn();
    const big = 'x'.repeat(101);
    const win = fakeWindow(async () => new Response(big));
    wrapFetch(win, { isItemEndpoint, onResponse, maxBodyChars: 100, log });
    const got = await win.fetch(FEED);
    expect(await got.text()).toBe(big); // the page still gets everything
    await flush();
    expect(onResponse).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('cap'), FEED);
  });

  it('restores the original fetch', () => {
    const native = async () => new Response('');
    const win = fakeWindow(native);
    const restore = wrapFetch(win, { isItemEndpoint, onResponse: () => {} });
    restore();
    expect(win.fetch).toBe(native);
  });
});

/** A minimal XHR with the surface the wrapper uses; `respond` plays the server. */
class FakeXhr extends EventTarget {
  responseType: XMLHttpRequestResponseType = '';
  status = 0;
  responseURL = '';
  responseText = '';
  response: unknown = null;
  url = '';
  open(_method: string, url: string) {
    this.url = url;
  }
  send(_body?: unknown) {}
  respond(status: number, text: string, url = this.url) {
    this.status = status;
    this.responseURL = url;
    if (this.responseType === 'json') this.response = JSON.parse(text);
    else this.responseText = this.response = text as never;
    this.dispatchEvent(new Event('load'));
  }
}

describe('XMLHttpRequest wrapper', () => {
  const setup = () => {
    class Xhr extends FakeXhr {}
    const nativeOpen = Xhr.prototype.open;
    const win = { XMLHttpRequest: Xhr, location: { href: 'https://www.douyin.com/' }, URL } as unknown as Window & typeof globalThis;
    const seen: Array<[string, string]> = [];
    wrapXhr(win, { isItemEndpoint, onResponse: (u, b) => seen.push([u, b]), maxBodyChars: 1000 });
    return { Xhr, seen, nativeOpen };
  };

  it('reads responseText of a text response, and the page sees the same data', () => {
    const { Xhr, seen } = setup();
    const xhr = new Xhr();
    xhr.open('GET', FEED);
    xhr.send();
    xhr.respond(200, '{"aweme_list":[]}');
    expect(xhr.responseText).toBe('{"aweme_list":[]}');
    expect(xhr).toBeInstanceOf(Xhr);
    expect(seen).toEqual([[FEED, '{"aweme_list":[]}']]);
  });

  it('serialises a json response; resolves a relative URL', () => {
    const { Xhr, seen } = setup();
    const xhr = new Xhr();
    xhr.responseType = 'json';
    xhr.open('GET', '/aweme/v1/web/tab/feed/');
    xhr.send();
    xhr.respond(200, '{"a":1}', '');
    expect(xhr.response).toEqual({ a: 1 });
    expect(seen).toEqual([['https://www.douyin.com/aweme/v1/web/tab/feed/', '{"a":1}']]);
  });

  it('ignores other endpoints, failures and bodies over the cap; keeps native names', () => {
    const { Xhr, seen } = setup();
    expect(Xhr.prototype.open.name).toBe('open');
    const other = new Xhr();
    other.open('GET', OTHER);
    other.send();
    other.respond(200, '{}');
    const failed = new Xhr();
    failed.open('GET', FEED);
    failed.send();
    failed.respond(404, '{}');
    const big = new Xhr();
    big.open('GET', FEED);
    big.send();
    big.respond(200, JSON.stringify({ x: 'y'.repeat(2000) }));
    expect(seen).toEqual([]);
  });
});
