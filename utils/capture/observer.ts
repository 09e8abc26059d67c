/**
 * Read the page's own feed responses without changing what the page receives.
 *
 * Runs in the page's main world. `fetch` and `XMLHttpRequest.prototype.open/send` are wrapped so that:
 *  - the page gets the very same Response / XHR, at the same time; a rejected fetch rejects the same way;
 *  - our reading happens on a clone (fetch) or after `load` (XHR), off the page's path, and never throws into it;
 *  - the wrappers keep the natives' `name`, `length` and `toString()`, and the constructors stay untouched
 *    (`instanceof XMLHttpRequest` / `Response` still hold).
 */

/** Largest body we read; feed pages are ~0.1–2 MB, a bigger body is not a feed page. Characters. */
export const MAX_BODY_CHARS = 8 * 1024 * 1024;

export interface CaptureOptions {
  isItemEndpoint(url: string): boolean;
  onResponse(url: string, body: string): void;
  maxBodyChars?: number;
  log?: (message: string, detail?: unknown) => void;
}

type Win = Window & typeof globalThis;

/** Give a wrapper the native's name, length and source text so page checks for "native code" keep passing. */
function disguise<T extends Function>(wrapper: T, native: Function): T {
  Object.defineProperty(wrapper, 'name', { value: native.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: native.length, configurable: true });
  Object.defineProperty(wrapper, 'toString', {
    value: () => Function.prototype.toString.call(native),
    configurable: true,
    writable: true,
  });
  return wrapper;
}

function absoluteUrl(win: Win, raw: unknown): string {
  try {
    const text = typeof raw === 'string' ? raw : raw instanceof win.URL ? raw.href : (raw as Request)?.url ?? String(raw);
    return new win.URL(text, win.location.href).href;
  } catch {
    return '';
  }
}

function safeIsItemEndpoint(opts: CaptureOptions, url: string): boolean {
  try {
    return url !== '' && opts.isItemEndpoint(url);
  } catch (err) {
    opts.log?.('isItemEndpoint threw', err);
    return false;
  }
}

function deliver(opts: CaptureOptions, url: string, body: string): void {
  const cap = opts.maxBodyChars ?? MAX_BODY_CHARS;
  if (body.length > cap) {
    opts.log?.(`skipped a ${body.length}-character body over the ${cap} cap`, url);
    return;
  }
  try {
    opts.onResponse(url, body);
  } catch (err) {
    opts.log?.('onResponse threw', err);
  }
}

/** Wrap `win.fetch`. Returns a function that restores the original. */
export function wrapFetch(win: Win, opts: CaptureOptions): () => void {
  const nativeFetch = win.fetch;
  if (typeof nativeFetch !== 'function') return () => {};
  const cap = opts.maxBodyChars ?? MAX_BODY_CHARS;

  const read = (requested: string, response: Response): void => {
    try {
      if (!response.ok || response.type === 'opaque') return;
      const url = response.url || requested;
      const declared = Number(response.headers.get('content-length'));
      if (declared > cap) {
        opts.log?.(`skipped a ${declared}-byte response over the ${cap} cap`, url);
        return;
      }
      // Clone now, in the first reaction to the promise, before the page can consume the body.
      response.clone().text().then((body) => deliver(opts, url, body), (err) => opts.log?.('could not read a clone', err));
    } catch (err) {
      opts.log?.('could not clone a response', err);
    }
  };

  const wrapped = function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    // eslint-disable-next-line prefer-rest-params
    const result: Promise<Response> = Reflect.apply(nativeFetch, this, arguments);
    const url = absoluteUrl(win, input);
    if (safeIsItemEndpoint(opts, url)) result.then((response) => read(url, response), () => {});
    return result; // the page's own promise: same object, same timing, same rejection
  };
  win.fetch = disguise(wrapped, nativeFetch) as typeof fetch;
  return () => {
    if (win.fetch === (wrapped as unknown)) win.fetch = nativeFetch;
  };
}

/** Wrap `XMLHttpRequest.prototype.open` / `send`. Returns a function that restores the originals. */
export function wrapXhr(win: Win, opts: CaptureOptions): () => void {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return () => {};
  const nativeOpen = proto.open;
  const nativeSend = proto.send;
  const urls = new WeakMap<XMLHttpRequest, string>();

  const onLoad = function (this: XMLHttpRequest): void {
    try {
      if (this.status < 200 || this.status >= 300) return;
      const url = this.responseURL || urls.get(this) || '';
      if (this.responseType === '' || this.responseType === 'text') deliver(opts, url, this.responseText);
      else if (this.responseType === 'json' && this.response != null) deliver(opts, url, JSON.stringify(this.response));
    } catch (err) {
      opts.log?.('could not read an XHR response', err);
    }
  };

  const open = function open(this: XMLHttpRequest): void {
    try {
      urls.set(this, absoluteUrl(win, arguments[1]));
    } catch {
      /* never let our bookkeeping break the page's request */
    }
    // eslint-disable-next-line prefer-rest-params
    return Reflect.apply(nativeOpen, this, arguments);
  };
  const send = function send(this: XMLHttpRequest): void {
    try {
      if (safeIsItemEndpoint(opts, urls.get(this) ?? '')) this.addEventListener('load', onLoad);
    } catch {
      /* as above */
    }
    // eslint-disable-next-line prefer-rest-params
    return Reflect.apply(nativeSend, this, arguments);
  };
  proto.open = disguise(open, nativeOpen) as typeof proto.open;
  proto.send = disguise(send, nativeSend);
  return () => {
    proto.open = nativeOpen;
    proto.send = nativeSend;
  };
}
