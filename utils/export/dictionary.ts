/**
 * The data dictionary, written once here and rendered two ways: a JSON Schema (draft 2020-12) for the JSON
 * bundle and NDJSON rows, and a column list (CSV: table, column, type, unit, description) for the CSV files.
 * Field meanings follow docs/DATA.md §7; times are epoch milliseconds throughout.
 */
import { TOUCHPOINT_TYPES } from '../model/touchpoint';
import { AD_KINDS, TAG_IDS } from '../model/tags';
import { ATTRIBUTION_MODEL_IDS } from '../journeys/attribution/types';
import { CONVERSION_SIGNAL_TYPES } from '../journeys/definitions';
import { JOURNEY_MODES } from '../journeys/mode';
import { csvField } from './csv';

type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'string[]' | 'object[]';
export interface FieldDoc {
  name: string;
  type: FieldType;
  description: string;
  unit?: string;
  enum?: readonly string[];
  /** Always present (else the field may be missing / an empty CSV cell). */
  required?: boolean;
  nullable?: boolean;
}

const f = (name: string, type: FieldType, description: string, more: Partial<FieldDoc> = {}): FieldDoc => ({ name, type, description, ...more });
const ms = { unit: 'epoch ms' };
const req = { required: true };
const PROVENANCE: FieldDoc[] = [
  f('extVersion', 'string', 'extension version that recorded the row'),
  f('definitionsVersion', 'integer', 'version of the measurement definitions in force when recorded'),
  f('recordedAt', 'integer', 'when the background worker stored the row', ms),
];

export const TABLE_FIELDS: Record<'touchpoints' | 'items' | 'journeys' | 'attribution', FieldDoc[]> = {
  touchpoints: [
    f('id', 'string', 'unique id made where the touchpoint was observed', req),
    f('type', 'string', 'what happened', { ...req, enum: TOUCHPOINT_TYPES }),
    f('at', 'integer', 'when it happened (impression: when it started counting; live-leave: when the room closed)', { ...ms, ...req }),
    f('sessionId', 'string', 'browsing session, <platform>:<first touch id>', req),
    f('platform', 'string', 'platform', { ...req, enum: ['douyin', 'tiktok'] }),
    f('surface', 'string', 'where on the platform (recommend, search, live-room, product-page, …)', req),
    f('pageUrl', 'string', 'page URL: origin, path and only item-identifying query parameters', req),
    f('itemId', 'string', 'feed item id'),
    f('tags', 'string[]', 'tags the item carried (CSV: space-separated)', { ...req, enum: TAG_IDS }),
    f('adKind', 'string', 'where an ad leads (issue #8)', { enum: AD_KINDS }),
    f('authorId', 'string', 'creator id (h_… when pseudonymised)'),
    f('productId', 'string', 'product id'),
    f('shopId', 'string', 'shop id (h_… when pseudonymised)'),
    f('brand', 'string', 'brand / shop / advertiser name used to link journeys'),
    f('roomId', 'string', 'live room id (h_… when pseudonymised)'),
    f('query', 'string', 'search keyword (search touchpoints only)'),
    f('dwellMs', 'integer', 'time >= 50% in view in a visible tab (live-leave: time the room was open)', { unit: 'ms' }),
    f('attentionMs', 'integer', 'part of dwell with the tab active and focused, video playing, machine not idle', { unit: 'ms' }),
    f('navIndex', 'integer', "the tab's navigation index"),
    ...PROVENANCE,
  ],
  items: [
    f('key', 'string', '<platform>:<id>', req),
    f('platform', 'string', 'platform', { ...req, enum: ['douyin', 'tiktok'] }),
    f('id', 'string', 'item id', req),
    f('format', 'string', 'item format', { ...req, enum: ['video', 'image', 'live', 'other'] }),
    f('source', 'string', 'where the classification came from', { ...req, enum: ['api', 'page-data', 'dom'] }),
    f('tags', 'object[]', 'tag hits with kind, confidence and evidence (CSV: tag ids space-separated in tags, full objects in tagsJson)', req),
    f('adKind', 'string', 'where an ad leads', { enum: AD_KINDS }),
    f('authorId', 'string', 'creator id (h_… when pseudonymised)'),
    f('authorName', 'string', 'creator display name (dropped when pseudonymised)'),
    f('productIds', 'string[]', 'product ids (CSV: space-separated)', req),
    f('shopIds', 'string[]', 'shop ids (CSV: space-separated; h_… when pseudonymised)', req),
    f('brand', 'string', 'brand / shop / advertiser name'),
    f('roomId', 'string', 'live room id (h_… when pseudonymised)'),
    f('desc', 'string', 'shortened item description (never comment text)'),
    f('firstSeen', 'integer', 'first time the item was sent to the background', ms),
    f('lastSeen', 'integer', 'last time the item was sent to the background', ms),
    ...PROVENANCE,
  ],
  journeys: [
    f('id', 'string', 'conv:<conversion touchpoint id> or open:<first touchpoint id>', req),
    f('mode', 'string', 'how the journey began: browse (逛) or store (搜)', { ...req, enum: JOURNEY_MODES }),
    f('converted', 'boolean', 'ended in a conversion signal', req),
    f('conversionType', 'string', 'the conversion signal (null when open)', { ...req, nullable: true, enum: CONVERSION_SIGNAL_TYPES }),
    f('firstAt', 'integer', 'first touch', { ...ms, ...req }),
    f('lastAt', 'integer', 'last touch (the conversion when converted)', { ...ms, ...req }),
    f('touchpointIds', 'string[]', 'touchpoints in time order (CSV: space-separated)', req),
    f('productId', 'string', "the journey's product", { required: true, nullable: true }),
    f('shopId', 'string', "the journey's shop (h_… when pseudonymised)", { required: true, nullable: true }),
    f('brand', 'string', "the journey's brand", { required: true, nullable: true }),
    f('platform', 'string', 'platform', { ...req, enum: ['douyin', 'tiktok'] }),
  ],
  attribution: [
    f('journeyId', 'string', 'the converted journey', req),
    f('touchpointId', 'string', 'the credited touchpoint; null = direct (nothing creditable)', { ...req, nullable: true }),
    f('model', 'string', 'attribution model', { ...req, enum: ATTRIBUTION_MODEL_IDS }),
    f('credit', 'number', "share of the journey's conversion; sums to 1 per journey and model", { ...req, unit: 'conversions, 0..1' }),
  ],
};

function fieldSchema(d: FieldDoc): Record<string, unknown> {
  const base: Record<string, unknown> =
    d.type === 'string[]' ? { type: 'array', items: { type: 'string' } } : d.type === 'object[]' ? { type: 'array', items: { type: 'object' } } : { type: d.type };
  if (d.enum && d.type !== 'string[]') base.enum = d.nullable ? [...d.enum, null] : [...d.enum];
  if (d.nullable) base.type = [base.type, 'null'];
  return { ...base, description: d.unit ? `${d.description} (${d.unit})` : d.description };
}

export function rowSchema(table: keyof typeof TABLE_FIELDS): Record<string, unknown> {
  const fields = TABLE_FIELDS[table];
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((d) => [d.name, fieldSchema(d)])),
    required: fields.filter((d) => d.required).map((d) => d.name),
  };
}

/** JSON Schema of the whole bundle (manifest, dictionary, tables); `$defs` holds one row schema per table. */
export function bundleJsonSchema(): Record<string, unknown> {
  const tables = Object.keys(TABLE_FIELDS) as (keyof typeof TABLE_FIELDS)[];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Guangjie export',
    description: 'One JSON object: manifest (versions, export time, study and participant ids, definitions in force), this dictionary, then the tables. NDJSON files hold one row of a table per line, shaped as $defs/<table>.',
    type: 'object',
    required: ['manifest', 'tables'],
    properties: {
      manifest: { type: 'object', required: ['schemaVersion', 'extVersion', 'exportedAt', 'studyId', 'participantId', 'definitions', 'pseudonymised'] },
      dictionary: { type: 'object', description: 'this schema' },
      tables: { type: 'object', properties: Object.fromEntries(tables.map((t) => [t, { type: 'array', items: { $ref: `#/$defs/${t}` } }])) },
    },
    $defs: Object.fromEntries(tables.map((t) => [t, rowSchema(t)])),
  };
}

/** The CSV files' column list, itself a CSV: table, column, type, unit, description. */
export function columnListCsv(columnsByTable: Record<string, readonly { name: string }[]>): string {
  const lines = [['table', 'column', 'type', 'unit', 'description']];
  for (const [table, columns] of Object.entries(columnsByTable)) {
    const docs = TABLE_FIELDS[table as keyof typeof TABLE_FIELDS] ?? [];
    for (const c of columns) {
      const d = docs.find((x) => x.name === c.name) ?? (c.name === 'tagsJson' ? f('tagsJson', 'object[]', 'tag hits as one JSON text') : undefined);
      const spacedIds = d?.type === 'string[]' || (table === 'items' && c.name === 'tags');
      const type = spacedIds ? 'string (space-separated list)' : d?.type === 'object[]' ? 'string (JSON)' : d?.type ?? 'string';
      lines.push([table, c.name, type, d?.unit ?? '', d?.description ?? '']);
    }
  }
  return lines.map((cells) => cells.map(csvField).join(',') + '\r\n').join('');
}
