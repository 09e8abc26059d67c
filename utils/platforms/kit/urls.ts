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
