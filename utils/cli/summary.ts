/**
 * `--summary`: counts per tag (in TAG_IDS order) and ads by kind (in AD_KINDS order), as aligned plain-text
 * tables for a person to read. Zero rows are kept, so two summaries line up row for row.
 */
import { AD_KINDS, TAG_IDS, type TagId } from '../model/tags';
import type { ItemLine } from './item-line';
import { emptyTally, type Tally } from './responses';

export class Summary {
  items = 0;
  duplicates = 0;
  untagged = 0;
  readonly byPlatform = new Map<string, number>();
  readonly byTag = new Map<TagId, number>(TAG_IDS.map((t) => [t, 0]));
  readonly byAdKind = new Map<string, number>(AD_KINDS.map((k) => [k, 0]));
  readonly responses: Tally = emptyTally();

  addTally(t: Tally): void {
    for (const key of Object.keys(t) as Array<keyof Tally>) this.responses[key] += t[key];
  }

  add(line: ItemLine): void {
    this.items++;
    this.byPlatform.set(line.platform, (this.byPlatform.get(line.platform) ?? 0) + 1);
    if (!line.tags.length) this.untagged++;
    for (const t of line.tags) this.byTag.set(t, (this.byTag.get(t) ?? 0) + 1);
    if (line.ad_kind) this.byAdKind.set(line.ad_kind, (this.byAdKind.get(line.ad_kind) ?? 0) + 1);
  }

  format(): string {
    const share = (n: number): string => (this.items ? `${((100 * n) / this.items).toFixed(1)}%` : '-');
    const ads = this.byTag.get('ad') ?? 0;
    const adShare = (n: number): string => (ads ? `${((100 * n) / ads).toFixed(1)}%` : '-');
    const platforms = [...this.byPlatform].map(([p, n]) => `${p} ${n}`).join(', ') || 'none';
    const r = this.responses;
    return [
      `items      ${this.items} (${platforms}); duplicates skipped ${this.duplicates}`,
      `responses  ${r.withItems} with items; ${r.withUrl} with a URL (${r.feedUrls} feed, ${r.noBody} without body, ${r.badBody} not JSON); ${r.saved} saved without URL`,
      '',
      table(['tag', 'items', 'share'], [...[...this.byTag].map(([t, n]) => [t, String(n), share(n)]), ['(none)', String(this.untagged), share(this.untagged)]]),
      '',
      table(['ad kind', 'ads', 'share'], [...this.byAdKind].map(([k, n]) => [k, String(n), adShare(n)])),
      '',
    ].join('\n');
  }
}

/** Columns padded to their widest cell; text left-aligned, numbers right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const cell = (s: string, c: number): string => (c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]));
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [all[0].map(cell).join('  '), rule, ...rows.map((r) => r.map(cell).join('  '))].join('\n');
}
