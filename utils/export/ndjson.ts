import { textPieces } from './text-pieces';

/** NDJSON: one JSON object per line, `\n` after every line (also the last). Pieces of about PIECE_CHARS (./text-pieces.ts). */
export async function* ndjsonChunks(pages: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  for await (const page of pages) {
    for (const piece of textPieces(page, (row) => JSON.stringify(row), '\n')) yield piece + '\n';
  }
}
