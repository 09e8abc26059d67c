/**
 * The JSON bundle: `{"manifest":{…},"dictionary":{JSON Schema},"tables":{"touchpoints":[…],"items":[…],…}}`, written in chunks (the opening,
 * then the rows in pieces of about PIECE_CHARS (./text-pieces.ts), then the closing) so it never exists whole in memory as objects.
 */
import { definitionsManifest, type DefinitionsManifest } from '../journeys/definitions';
import { DB_VERSION } from '../db/schema';
import { COMMERCE_TAGS } from '../background/aggregates';
import { SESSION_GAP_MIN } from '../background/session';
import { textPieces } from './text-pieces';
import type { Settings } from '../settings';

export interface ExportManifest {
  /** Version of the database schema the rows follow. */
  schemaVersion: number;
  extVersion: string;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  studyId: string;
  participantId: string;
  /** The constants in force: the measurement definitions, and the storage side's own. */
  definitions: DefinitionsManifest & { sessionGapMin: number; commerceTags: readonly string[] };
  /** Creator, shop and room ids were replaced by salted hashes (utils/journeys/hash.ts). */
  pseudonymised: boolean;
}

export function buildManifest(settings: Pick<Settings, 'studyId' | 'participantId'>, extVersion: string, now: number, pseudonymised = false): ExportManifest {
  return {
    schemaVersion: DB_VERSION,
    extVersion,
    exportedAt: new Date(now).toISOString(),
    studyId: settings.studyId,
    participantId: settings.participantId,
    definitions: { ...definitionsManifest(), sessionGapMin: SESSION_GAP_MIN, commerceTags: COMMERCE_TAGS },
    pseudonymised,
  };
}

export async function* jsonBundleChunks(
  manifest: ExportManifest,
  tables: Record<string, AsyncIterable<unknown[]>>,
  dictionary?: unknown,
): AsyncGenerator<string> {
  yield `{"manifest":${JSON.stringify(manifest)},${dictionary === undefined ? '' : `"dictionary":${JSON.stringify(dictionary)},`}"tables":{`;
  let firstTable = true;
  for (const [name, pages] of Object.entries(tables)) {
    yield `${firstTable ? '' : ','}${JSON.stringify(name)}:[`;
    firstTable = false;
    let firstRow = true;
    for await (const page of pages) {
      for (const piece of textPieces(page, (row) => JSON.stringify(row), ',')) {
        yield (firstRow ? '' : ',') + piece;
        firstRow = false;
      }
    }
    yield ']';
  }
  yield '}}';
}
