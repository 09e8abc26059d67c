/**
 * CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, with
 * quotes doubled. Column conventions, the same for every table:
 *  - missing values are empty fields;
 *  - lists of ids (tags, productIds, shopIds) are joined with one space (ids never contain spaces);
 *  - structured values (a tag's kind, confidence and evidence) are one JSON text in a `*Json` column;
 *  - numbers are written as JavaScript prints them (times are epoch milliseconds).
 * Values are written as they are: a cell starting with `=` is not defused, because prefixing it would change the
 * data; open exports in a spreadsheet with care (import as text).
 */
import { textPieces } from './text-pieces';
export interface CsvColumn {
  name: string;
  get(row: Record<string, unknown>): unknown;
}

const field = (name: string): CsvColumn => ({ name, get: (r) => r[name] });
const spaced = (name: string): CsvColumn => ({ name, get: (r) => (Array.isArray(r[name]) ? (r[name] as unknown[]).join(' ') : r[name]) });

export const TOUCHPOINT_COLUMNS: CsvColumn[] = [
  ...['id', 'type', 'at', 'sessionId', 'platform', 'surface', 'pageUrl', 'itemId'].map(field),
  spaced('tags'),
  ...['adKind', 'authorId', 'productId', 'shopId', 'brand', 'roomId', 'query', 'dwellMs', 'attentionMs', 'navIndex',
    'extVersion', 'definitionsVersion', 'recordedAt'].map(field),
];

export const ITEM_COLUMNS: CsvColumn[] = [
  ...['key', 'platform', 'id', 'format', 'source'].map(field),
  { name: 'tags', get: (r) => (Array.isArray(r.tags) ? (r.tags as Array<{ id: string }>).map((t) => t.id).join(' ') : undefined) },
  ...['adKind', 'authorId', 'authorName'].map(field),
  spaced('productIds'),
  spaced('shopIds'),
  ...['brand', 'roomId', 'desc', 'firstSeen', 'lastSeen', 'extVersion', 'definitionsVersion', 'recordedAt'].map(field),
  { name: 'tagsJson', get: (r) => (r.tags === undefined ? undefined : JSON.stringify(r.tags)) },
];

export const JOURNEY_COLUMNS: CsvColumn[] = [
  ...['id', 'mode', 'converted', 'conversionType', 'firstAt', 'lastAt'].map(field),
  spaced('touchpointIds'),
  ...['productId', 'shopId', 'brand', 'platform'].map(field),
];

export const ATTRIBUTION_COLUMNS: CsvColumn[] = ['journeyId', 'touchpointId', 'model', 'credit'].map(field);

/** Every CSV table's columns, by table name (also the order of the column list in the data dictionary). */
export const CSV_COLUMNS: Record<'touchpoints' | 'items' | 'journeys' | 'attribution', CsvColumn[]> = {
  touchpoints: TOUCHPOINT_COLUMNS,
  items: ITEM_COLUMNS,
  journeys: JOURNEY_COLUMNS,
  attribution: ATTRIBUTION_COLUMNS,
};

export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: unknown[]) => cells.map(csvField).join(',') + '\r\n';

export async function* csvChunks(pages: AsyncIterable<unknown[]>, columns: CsvColumn[]): AsyncGenerator<string> {
  yield line(columns.map((c) => c.name));
  for await (const page of pages) {
    yield* textPieces(page, (row) => line(columns.map((c) => c.get(row as Record<string, unknown>))));
  }
}
