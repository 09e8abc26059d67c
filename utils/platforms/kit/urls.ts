/** Site-neutral URL helpers shared by the platform folders (each passes its own origin and hosts). */

/**
 * The path of a request URL on one of `hosts`, with a trailing slash and no query; a relative URL is read against
 * `origin`. Undefined for another host or an unparsable URL.
 */
export function endpointPathOn(url: string, origin: string, hosts: RegExp): string | undefined {
  try {
    const u = new URL(url, origin);
    if (!hosts.test(u.hostname)) return undefined;
    return u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  } catch {
    return undefined;
  }
}

/** A page-kind detector; `examples` are URLs it must accept (each platform's tests check them). */
export type Detector = ((url: string) => boolean) & { examples: string[] };

/** The URL parsed, or undefined when it is not one. */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The path without trailing slashes (`/` for the root). */
export const trimmedPath = (u: URL): string => u.pathname.replace(/\/+$/, '') || '/';
