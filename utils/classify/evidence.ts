/** Turning model facts into evidence, and building tag hits. */
import type { Fact, FeedItem } from '../model/item';
import type { Evidence, TagHit, TagId } from '../model/tags';

export const MAX_EVIDENCE_VALUE_CHARS = 160;

export function valueText(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v) ?? '';
  return s.length > MAX_EVIDENCE_VALUE_CHARS ? `${s.slice(0, MAX_EVIDENCE_VALUE_CHARS - 1)}…` : s;
}

/** Evidence from the item's own layer (api / page-data / dom). */
export function ev(item: Pick<FeedItem, 'source'>, field: string, value: unknown, note?: string): Evidence {
  const e: Evidence = { source: item.source, field, value: valueText(value) };
  if (note) e.note = note;
  return e;
}

export const fromFact = (item: Pick<FeedItem, 'source'>, f: Fact<unknown>, note?: string): Evidence => ev(item, f.field, f.value, note);

export function hit(id: TagId, confidence: number, evidence: Evidence[], kind?: string): TagHit {
  const h: TagHit = { id, confidence, evidence };
  if (kind) h.kind = kind;
  return h;
}
