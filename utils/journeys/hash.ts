/**
 * Optional pseudonymisation of creators and shops in exports: salted SHA-256 (Web Crypto `crypto.subtle`, in
 * browsers and in Node ≥ 20 as globalThis.crypto). The salt is made once per study and kept by the researcher:
 * the same salt gives the same pseudonym, so a creator can be followed across exports of one study but not
 * looked up from a public id (an unsalted hash of a public id can be reversed by hashing every known id).
 * Hashed: author ids, shop ids, live room ids (a room names its creator) and the creator's id in page URLs;
 * items also lose the author's display name. Product ids and brands stay: they are what the research is about.
 */
import type { ClassifiedItem } from '../model/tags';
import type { Touchpoint } from '../model/touchpoint';
import { platforms } from '../platforms/registry';

/** Shortest salt accepted. Characters. */
export const MIN_SALT_CHARS = 16;
/** Bytes of randomness in a salt made by makeSalt (hex-encoded: twice as many characters). */
export const SALT_BYTES = 16;
/** Marks a pseudonym, so nobody mistakes it for a platform id. */
export const PSEUDONYM_PREFIX = 'h_';

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

export const makeSalt = (): string => hex(globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES)));

/** `h_` + hex SHA-256 of salt, a NUL separator, and the id. */
export async function pseudonymise(id: string, salt: string): Promise<string> {
  if (salt.length < MIN_SALT_CHARS) throw new Error(`pseudonymise: salt must be at least ${MIN_SALT_CHARS} characters`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}\u0000${id}`));
  return PSEUDONYM_PREFIX + hex(new Uint8Array(digest));
}

const maybe = (id: string | undefined, salt: string) => (id === undefined ? Promise.resolve(undefined) : pseudonymise(id, salt));

/** Path segments that name a creator (a profile, a live room), as each platform declares them. */
const CREATOR_IN_PATH: ReadonlyArray<RegExp> = platforms.flatMap((p) => p.privacy.creatorInPath);

export async function pseudonymisePageUrl(url: string, salt: string): Promise<string> {
  for (const pattern of CREATOR_IN_PATH) {
    const m = pattern.exec(url);
    if (m && m[2] !== 'self') return m[1] + (await pseudonymise(m[2], salt)) + url.slice(m[0].length);
  }
  return url;
}

export async function pseudonymiseTouchpoint(tp: Touchpoint, salt: string): Promise<Touchpoint> {
  const [authorId, shopId, roomId, pageUrl] = await Promise.all([
    maybe(tp.authorId, salt),
    maybe(tp.shopId, salt),
    maybe(tp.roomId, salt),
    pseudonymisePageUrl(tp.pageUrl, salt),
  ]);
  return { ...tp, authorId, shopId, roomId, pageUrl };
}

export async function pseudonymiseItem(item: ClassifiedItem, salt: string): Promise<ClassifiedItem> {
  const [authorId, roomId, shopIds] = await Promise.all([
    maybe(item.authorId, salt),
    maybe(item.roomId, salt),
    Promise.all(item.shopIds.map((id) => pseudonymise(id, salt))),
  ]);
  const { authorName: _dropped, ...rest } = item;
  return { ...rest, authorId, roomId, shopIds };
}
