/**
 * Random (version 4) UUIDs for touchpoint ids, drawn from a pool of random bytes.
 *
 * Why not `crypto.randomUUID()`: in Chromium each call fetches fresh randomness from the OS, ~9 µs, the largest
 * single cost of recording a click in a burst (CPU profile of 10,000 clicks, docs/PERFORMANCE.md). One
 * `crypto.getRandomValues` call here fills UUIDS_PER_POOL ids' worth of bytes; the ids are the same kind: 122
 * random bits from the browser's CSPRNG, version and variant bits set as RFC 9562 says.
 */

/** Ids per refill of the random pool. Count. */
export const UUIDS_PER_POOL = 256;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
let pool = new Uint8Array(0);
let offset = 0;

export function randomUuid(): string {
  if (offset + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(16 * UUIDS_PER_POOL));
    offset = 0;
  }
  const b = pool;
  const o = offset;
  offset += 16;
  const version = HEX[(b[o + 6] & 0x0f) | 0x40];
  const variant = HEX[(b[o + 8] & 0x3f) | 0x80];
  return (
    HEX[b[o]] + HEX[b[o + 1]] + HEX[b[o + 2]] + HEX[b[o + 3]] + '-' +
    HEX[b[o + 4]] + HEX[b[o + 5]] + '-' + version + HEX[b[o + 7]] + '-' + variant + HEX[b[o + 9]] + '-' +
    HEX[b[o + 10]] + HEX[b[o + 11]] + HEX[b[o + 12]] + HEX[b[o + 13]] + HEX[b[o + 14]] + HEX[b[o + 15]]
  );
}
