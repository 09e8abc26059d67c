import { describe, expect, it } from 'vitest';
import { randomUuid, UUIDS_PER_POOL } from '../../utils/content/uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('pooled random UUIDs', () => {
  it('are version-4 UUIDs, all different, across several refills of the pool', () => {
    const ids = Array.from({ length: UUIDS_PER_POOL * 3 + 5 }, randomUuid);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('use every random bit but the six fixed ones: each hex digit position varies', () => {
    const ids = Array.from({ length: 2_000 }, randomUuid);
    const varying = [...ids[0]].map((_, i) => new Set(ids.map((id) => id[i])).size);
    // Dashes and the version digit are fixed; the variant digit takes four values; every other digit sixteen.
    expect(varying).toEqual([...ids[0]].map((c, i) => (c === '-' ? 1 : i === 14 ? 1 : i === 19 ? 4 : 16)));
  });
});
