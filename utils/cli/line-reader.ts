/**
 * NDJSON lines from a file in bounded memory. Not node:readline: readline keeps growing one line until it sees a
 * newline, so a file without newlines (or one huge line) would be read whole into memory. Here a line above
 * `maxLineBytes` is dropped as it streams past and reported as too long; memory stays about one line.
 */
import { createReadStream } from 'node:fs';

export type Line = { lineNo: number; text: string } | { lineNo: number; tooLongBytes: number };

const NEWLINE = 0x0a;

export async function* linesOf(path: string, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let bytes = 0;
  let overlong = false;
  let lineNo = 1;
  const finish = (): Line => {
    const line: Line = overlong ? { lineNo, tooLongBytes: bytes } : { lineNo, text: Buffer.concat(parts).toString('utf8') };
    parts = [];
    bytes = 0;
    overlong = false;
    lineNo++;
    return line;
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE, from); ; nl = chunk.indexOf(NEWLINE, from)) {
      const end = nl < 0 ? chunk.length : nl;
      bytes += end - from;
      if (!overlong && bytes > maxLineBytes) {
        overlong = true;
        parts = []; // drop what we held: the line will be skipped, not parsed
      }
      if (!overlong && end > from) parts.push(chunk.subarray(from, end));
      if (nl < 0) break;
      yield finish();
      from = nl + 1;
    }
  }
  if (bytes > 0 || parts.length > 0) yield finish();
}
