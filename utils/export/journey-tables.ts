/**
 * The journeys and attribution export tables, built from the stored touchpoints with utils/journeys.
 *
 * Bound (so a million touchpoints fit): only touches that can take part in a journey are kept — touches carrying
 * a product, shop or brand (every conversion signal does) and searches (they join by session) — slimmed to the
 * fields journeys read, with repeated values shared. Plain video impressions, the bulk of a store, are never held.
 * Journey rows are few, and credit rows (models × credited touches) are made a journey at a time while they are
 * written, never all held. Measured in Node on the 1,000,000 synthetic touchpoints of bench/synthetic.mjs (a heavy
 * participant's mix), each row first passed through structured clone as IndexedDB does: 307,760 inputs kept in
 * 76 MB of heap, 89,712 journeys (29,893 converted) built in 5–9 s, 1.4 M credit rows streamed, 381 MB peak RSS.
 * Sessions are recomputed over the kept touches, so a search joins when the gap rule holds between it and the next
 * kept touch — a gap that plain impressions (dropped here) would have bridged can split it off. docs/DATA.md §7.
 */
import type { GuangjieDb } from '../db/schema';
import type { Touchpoint } from '../model/touchpoint';
import { ATTRIBUTION_MODEL_IDS, attributionPages, buildJourneys, creditedTouches, isLinkable, journeyRow, type Credit, type Journey, type JourneyRow } from '../journeys';
import { DEFAULT_DEFINITIONS } from '../journeys/definitions';
import { pageRows } from './rows';

export const isJourneyInput = (tp: Touchpoint): boolean => isLinkable(tp) || tp.type === 'search';

/** The optional string fields a journey input keeps (shared between rows). */
const SHARED_STRING_FIELDS = ['itemId', 'adKind', 'authorId', 'productId', 'shopId', 'brand', 'roomId'] as const;

/**
 * A projector for journey inputs: each kept touch without the fields journeys never read (page URL, provenance,
 * feed position, the stored session id — journeys recompute sessions), and with its repeated values shared: rows
 * read from IndexedDB carry their own copy of every string, so the same shop id or tag list held 50,000 times
 * would take 50,000 copies. One projector per scan (its table of shared values lives as long as it does).
 */
export function journeyInputSlimmer(): (tp: Touchpoint) => Touchpoint {
  // Two tables, keyed by the value itself (building a prefixed key per field per row cost more than it saved).
  const strings = new Map<string, string>();
  const tagLists = new Map<string, Touchpoint['tags']>();
  const str = (v: string | undefined): string | undefined => {
    if (v === undefined) return undefined;
    const known = strings.get(v);
    if (known !== undefined) return known;
    strings.set(v, v);
    return v;
  };
  const tagsOf = (tags: Touchpoint['tags']): Touchpoint['tags'] => {
    const key = tags.length === 1 ? tags[0] : tags.join(',');
    let known = tagLists.get(key);
    if (!known) tagLists.set(key, (known = Object.freeze([...tags]) as Touchpoint['tags']));
    return known;
  };
  return (tp) => {
    const slim: Touchpoint = { id: tp.id, type: str(tp.type) as Touchpoint['type'], at: tp.at, platform: str(tp.platform) as Touchpoint['platform'],
      surface: str(tp.surface) as Touchpoint['surface'], pageUrl: '', tags: tagsOf(tp.tags) };
    for (const f of SHARED_STRING_FIELDS) if (tp[f] !== undefined) (slim as unknown as Record<string, unknown>)[f] = str(tp[f]);
    if (tp.query !== undefined) slim.query = tp.query;
    if (tp.dwellMs !== undefined) slim.dwellMs = tp.dwellMs;
    if (tp.attentionMs !== undefined) slim.attentionMs = tp.attentionMs;
    return slim;
  };
}

/**
 * Journey inputs gathered page by page: the touches that can belong to a journey, slimmed (journeyInputSlimmer).
 * The export feeds it the touchpoints table's own pages as they stream past; `journeyInputs` a scan of its own.
 */
export class JourneyInputGatherer {
  readonly inputs: Touchpoint[] = [];
  private readonly slim = journeyInputSlimmer();
  take(page: readonly Touchpoint[]): void {
    for (const tp of page) if (isJourneyInput(tp)) this.inputs.push(this.slim(tp));
  }
}

/** Every stored touchpoint that can belong to a journey, slimmed; `onPage` hears how many rows each page read. */
export async function journeyInputs(db: GuangjieDb, onPage?: (rows: number) => void): Promise<Touchpoint[]> {
  const gathered = new JourneyInputGatherer();
  for await (const page of pageRows(db, 'touchpoints')) {
    gathered.take(page as Touchpoint[]);
    onPage?.(page.length);
  }
  return gathered.inputs;
}

export interface JourneyTables {
  journeys: JourneyRow[];
  /**
   * Credit rows (every model), made a journey at a time as they are written: they outnumber the touchpoints by the
   * number of models, so they are never all held at once.
   */
  attribution: () => Iterable<Credit[]>;
  /** How many credit rows `attribution` yields (for progress). Count. */
  attributionRows: number;
}

/** Credit rows a journey gets under one model: one per credited touch, or one "direct" row. */
const creditRowsOf = (j: Journey): number => (j.converted ? Math.max(1, creditedTouches(j).length) : 0);

/** Journey rows and credit rows (every model) from journey inputs. */
export function journeyTablesFrom(inputs: readonly Touchpoint[], handedOver = false): JourneyTables & { built: Journey[] } {
  const built = buildJourneys(inputs, DEFAULT_DEFINITIONS, handedOver);
  return {
    built,
    journeys: built.map(journeyRow),
    attribution: () => attributionPages(built),
    attributionRows: ATTRIBUTION_MODEL_IDS.length * built.reduce((n, j) => n + creditRowsOf(j), 0),
  };
}

export async function buildJourneyTables(db: GuangjieDb, onPage?: (rows: number) => void): Promise<JourneyTables> {
  const { journeys, attribution, attributionRows } = journeyTablesFrom(await journeyInputs(db, onPage), true);
  return { journeys, attribution, attributionRows };
}

/** Synchronous pages regrouped into pages of about `size` rows, the shape every writer takes. */
export async function* regroup<T>(pages: Iterable<T[]>, size = 500): AsyncGenerator<T[]> {
  let buf: T[] = [];
  for (const page of pages) {
    buf.push(...page);
    if (buf.length >= size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}

/** An array as pages, the shape every writer takes. */
export async function* inPages<T>(rows: readonly T[], size = 500): AsyncGenerator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
