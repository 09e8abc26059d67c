/**
 * Tags from DOM labels alone (no JSON seen for the item), and merging DOM labels into a JSON classification.
 * Conflict rule: JSON decides; a DOM label the JSON lacks is added at DOM confidence with a note saying so, and
 * DOM evidence for a tag the JSON already set is appended to it.
 */
import type { PlatformId } from '../model/item';
import type { AdKind, ClassifiedItem, Evidence, TagHit, TagId } from '../model/tags';
import type { DomSignals } from '../platforms/types';
import { hit } from './evidence';
import { CONFIDENCE } from './settings';

const DOM_TAGS = ['ad', 'shop', 'live', 'poi'] as const;

/** Where a DOM-only ad leads: only what is visible on the item. */
function domAdKind(s: DomSignals): { kind: AdKind; evidence: Evidence[] } {
  if (s.live.length) return { kind: 'closed-loop-live', evidence: [{ ...s.live[0], note: 'the ad is a live card' }] };
  if (s.shop.length) return { kind: 'closed-loop-product', evidence: [{ ...s.shop[0], note: 'the ad shows a product / cart' }] };
  return { kind: 'unknown', evidence: [{ source: 'dom', field: 'dom', value: 'label only', note: 'DOM label only: where the ad leads is not visible' }] };
}

function domTag(id: (typeof DOM_TAGS)[number], s: DomSignals): TagHit | undefined {
  const evidence = s[id];
  if (!evidence.length) return undefined;
  if (id === 'ad') {
    const decided = domAdKind(s);
    return hit('ad', CONFIDENCE.medium, [...evidence, ...decided.evidence], decided.kind);
  }
  if (id === 'shop') return hit('shop', CONFIDENCE.medium, [...evidence], s.live.length ? 'selling-live' : 'product-anchor');
  return hit(id, CONFIDENCE.medium, [...evidence]);
}

export function classifyDom(platform: PlatformId, id: string, signals: DomSignals): ClassifiedItem {
  const tags = DOM_TAGS.map((t) => domTag(t, signals)).filter((t): t is TagHit => !!t);
  const out: ClassifiedItem = { platform, id, format: signals.live.length ? 'live' : 'other', source: 'dom', tags, productIds: [], shopIds: [] };
  const ad = tags.find((t) => t.id === 'ad');
  if (ad?.kind) out.adKind = ad.kind as AdKind;
  return out;
}

const sameEvidence = (a: Evidence, b: Evidence) => a.field === b.field && a.value === b.value && a.source === b.source;

/** A copy of `c` with the DOM labels added; `c` itself is not changed. */
export function mergeDomIntoClassified(c: ClassifiedItem, signals: DomSignals): ClassifiedItem {
  const tags = c.tags.map((t) => ({ ...t, evidence: [...t.evidence] }));
  for (const id of DOM_TAGS) {
    const extra = signals[id];
    if (!extra.length) continue;
    const existing = tags.find((t) => t.id === (id as TagId));
    if (existing) {
      for (const e of extra) if (!existing.evidence.some((x) => sameEvidence(x, e))) existing.evidence.push(e);
      continue;
    }
    const added = domTag(id, signals);
    if (added) {
      added.evidence.push({ source: 'dom', field: id, value: 'dom-only', note: 'seen in the DOM; the JSON did not mark it' });
      tags.push(added);
    }
  }
  const out: ClassifiedItem = { ...c, tags };
  const ad = tags.find((t) => t.id === 'ad');
  if (ad?.kind && !out.adKind) out.adKind = ad.kind as AdKind;
  return out;
}
