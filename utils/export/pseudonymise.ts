/**
 * Export-time pseudonymisation (the "replace creator and shop IDs with salted hashes" option). Wraps the pure
 * functions of utils/journeys/hash.ts with a per-export memo: a creator met on 10 000 rows is hashed once.
 * The memo is capped so an export of a huge store cannot grow it without bound.
 */
import { pseudonymise, pseudonymiseItem, pseudonymisePageUrl } from '../journeys/hash';
import type { ClassifiedItem } from '../model/tags';
import type { JourneyRow } from '../journeys/rows';

/** Most ids remembered per export. Count. */
export const PSEUDONYM_MEMO_MAX = 200_000;

export interface RowPseudonymiser {
  id(id: string | undefined | null): Promise<string | undefined>;
  touchpoint<T extends { authorId?: string; shopId?: string; roomId?: string; pageUrl: string }>(tp: T): Promise<T>;
  item<T extends ClassifiedItem>(item: T): Promise<T>;
  journey(row: JourneyRow): Promise<JourneyRow>;
}

export function rowPseudonymiser(salt: string): RowPseudonymiser {
  const memo = new Map<string, Promise<string>>();
  const id = async (raw: string | undefined | null) => {
    if (raw === undefined || raw === null) return undefined;
    let hashed = memo.get(raw);
    if (!hashed) {
      hashed = pseudonymise(raw, salt);
      if (memo.size < PSEUDONYM_MEMO_MAX) memo.set(raw, hashed);
    }
    return hashed;
  };
  const keep = <T extends object>(row: T, patch: Record<string, unknown>): T => {
    const out = { ...row } as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k]; else out[k] = v;
    return out as T;
  };
  return {
    id,
    async touchpoint(tp) {
      const [authorId, shopId, roomId, pageUrl] = await Promise.all([id(tp.authorId), id(tp.shopId), id(tp.roomId), pseudonymisePageUrl(tp.pageUrl, salt)]);
      return keep(tp, { authorId, shopId, roomId, pageUrl });
    },
    async item(item) {
      // Drops authorName, hashes ids, keeps every other stored field (it spreads the row).
      return (await pseudonymiseItem(item, salt)) as typeof item;
    },
    async journey(row) {
      return { ...row, shopId: row.shopId === null ? null : ((await id(row.shopId)) ?? null) };
    },
  };
}
