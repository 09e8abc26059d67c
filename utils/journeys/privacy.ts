/**
 * Privacy defaults for what is stored and exported. A page URL keeps its origin, its path (a video id, a live
 * room number, a product id, a search keyword — all say which item or query, nothing about the viewer) and only
 * the query parameters below that name the item on screen. Everything else goes: tracking and session
 * parameters, fragments, user-info. Comment text, message text and the viewer's own account are never recorded
 * anywhere (docs/DATA.md, "Privacy").
 */
import { platforms } from '../platforms/registry';

/** Query parameters kept, per host suffix: each one identifies the item on the page (each platform declares its own). */
export const ITEM_QUERY_PARAMS_BY_HOST = platforms.flatMap((p) => p.privacy.itemQueryParams);

const hostMatches = (host: string, suffix: string): boolean => host === suffix || host.endsWith(`.${suffix}`);

/** The URL reduced to origin + path + item-identifying parameters; '' when it is not an http(s) URL. */
export function sanitizePageUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '';
  const allowed = ITEM_QUERY_PARAMS_BY_HOST.find((h) => hostMatches(parsed.hostname, h.hostSuffix))?.params ?? [];
  const kept = new URLSearchParams();
  for (const name of allowed) {
    const value = parsed.searchParams.get(name);
    if (value !== null) kept.set(name, value);
  }
  const query = kept.toString();
  return `${parsed.origin}${parsed.pathname}${query ? `?${query}` : ''}`;
}
