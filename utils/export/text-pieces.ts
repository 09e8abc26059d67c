/**
 * Rows turned into text in pieces of about PIECE_CHARS characters, never a whole page's text as one string.
 *
 * Why: V8 allocates a string over 128 KB (kMaxRegularHeapObjectSize) straight into its large-object space, part of
 * the old generation, which only a full collection frees. A million-row export made one 5–10 MB string per page of
 * rows — about 500 MB of such garbage — and the export page's heap grew to 300–400 MB between full collections
 * while what it really held (measured with a forced collection before each sample) stayed under 90 MB. Pieces
 * this small are made and dropped in the young generation; the disk writer (./disk-file.ts) copies them into a
 * reused byte buffer.
 */

/** Characters per piece, about (a piece ends after the row that reaches it). 32 K characters are at most 64 KB
 * as a two-byte string (any Chinese text makes one), half the large-object threshold. */
export const PIECE_CHARS = 32_768;

/** `rows` as text, `text(row)` each, rows separated by `sep`, in pieces of about PIECE_CHARS characters. */
export function* textPieces<T>(rows: readonly T[], text: (row: T) => string, sep = ''): Generator<string> {
  let buf: string[] = [];
  let chars = 0;
  for (const row of rows) {
    const t = text(row);
    buf.push(t);
    chars += t.length + sep.length;
    if (chars >= PIECE_CHARS) {
      yield buf.join(sep);
      buf = [];
      chars = 0;
    }
  }
  if (buf.length) yield buf.join(sep);
}
