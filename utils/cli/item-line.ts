/**
 * One output line per item: what the overlay shows (tag ids in TAG_IDS order, the ad's kind) and why (evidence,
 * each piece naming the tag it supports), plus the ids researchers join on and where the item was read.
 */
import type { ClassifiedItem, TagId } from '../model/tags';
import { DEFINITIONS_VERSION } from '../definitions-version';

export interface ItemLine {
  platform: ClassifiedItem['platform'];
  id: string;
  /** Tag ids in TAG_IDS order, as the overlay shows them (classify() already sorts). */
  tags: TagId[];
  /** Where the ad leads (issue 8); present on every line whose tags include `ad`, never on others. */
  ad_kind?: string;
  /** Each tag's sub-kind, when it has one (`shop: product-anchor`, `poi: place`). */
  kinds: Partial<Record<TagId, string>>;
  /** Each tag's confidence, 0..1 (docs/TAGS.md, "Confidence levels"). */
  confidence: Partial<Record<TagId, number>>;
  /** Every signal behind the tags, flattened, each with the tag it supports. */
  evidence: Array<{ tag: TagId; source: string; field: string; value: string; note?: string }>;
  format: ClassifiedItem['format'];
  source: ClassifiedItem['source'];
  productIds: string[];
  shopIds: string[];
  authorId?: string;
  authorName?: string;
  brand?: string;
  roomId?: string;
  desc?: string;
  /** Path of the endpoint the item came from, when known. */
  endpoint?: string;
  /** The input it was read from: the file as named on the command line, and the NDJSON line number. */
  from: { file: string; line?: number };
  /** Version of the tag definitions that made this line (the extension stores the same number with its rows). */
  definitionsVersion: number;
}

export function itemLine(c: ClassifiedItem, endpoint: string | undefined, from: ItemLine['from']): ItemLine {
  const tags = c.tags.map((t) => t.id);
  // Built in reading order (ids, tags, ad kind, why, joins, provenance); optional fields only when they have a value.
  return {
    platform: c.platform,
    id: c.id,
    tags,
    ...(tags.includes('ad') ? { ad_kind: c.adKind ?? 'unknown' } : {}),
    kinds: Object.fromEntries(c.tags.filter((t) => t.kind).map((t) => [t.id, t.kind])),
    confidence: Object.fromEntries(c.tags.map((t) => [t.id, t.confidence])),
    evidence: c.tags.flatMap((t) => t.evidence.map((e) => ({ tag: t.id, ...e }))),
    format: c.format,
    source: c.source,
    productIds: c.productIds,
    shopIds: c.shopIds,
    ...pick(c, ['authorId', 'authorName', 'brand', 'roomId', 'desc']),
    ...(endpoint ? { endpoint } : {}),
    from,
    definitionsVersion: DEFINITIONS_VERSION,
  };
}

function pick<K extends keyof ClassifiedItem>(c: ClassifiedItem, keys: K[]): Partial<Pick<ClassifiedItem, K>> {
  return Object.fromEntries(keys.filter((k) => c[k] !== undefined && c[k] !== '').map((k) => [k, c[k]])) as Partial<Pick<ClassifiedItem, K>>;
}
