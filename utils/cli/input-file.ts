/**
 * Opening one input file and deciding what it is from its content, with every refusal said in one line.
 *
 * Kinds: NDJSON (read line by line, any total size: the extension `.ndjson` / `.jsonl`, or a first line that is a
 * whole JSON value followed by more) or one JSON document (a saved response, an array, a HAR), read whole and so
 * refused above `maxBytes`. An HTML page is refused: reading a page's embedded data needs a DOM, and the command
 * ships none (happy-dom is a test-only dependency).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { EXIT, fileError, humanBytes, ioProblem } from './errors';

export type Input = { kind: 'ndjson' } | { kind: 'document'; text: string };

/** Bytes read from the start of a file to sniff its kind. Bytes. */
export const SNIFF_BYTES = 1 << 20;
/**
 * Default for --max-bytes: the most held in memory at once (a whole document, or one NDJSON line). Bytes.
 * Decimal 512 MB, not 512 MiB: it stays under V8's longest string (2^29 - 24 characters), so a file we accept can
 * always become one string.
 */
export const DEFAULT_MAX_BYTES = 512_000_000;

const NDJSON_EXTENSIONS = new Set(['.ndjson', '.jsonl']);

export async function openInput(file: string, maxBytes: number): Promise<Input> {
  const size = await regularFileSize(file);
  if (size === 0) throw fileError(file, 'empty file', EXIT.noItems);
  const head = (await readHead(file, Math.min(size, SNIFF_BYTES))).toString('utf8');
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (!start && size <= SNIFF_BYTES) throw fileError(file, 'empty file (only whitespace)', EXIT.noItems);
  if (start.startsWith('<'))
    throw fileError(file, 'an HTML (or XML) page: not supported offline, reading a page needs a DOM; save the feed responses as a HAR instead', EXIT.noItems);
  if (NDJSON_EXTENSIONS.has(extname(file).toLowerCase()) || firstLineIsWholeValue(head)) return { kind: 'ndjson' };
  if (size > maxBytes)
    throw fileError(file, `too large (${humanBytes(size)}; --max-bytes is ${humanBytes(maxBytes)}; NDJSON named .ndjson is read line by line with no total limit)`, EXIT.unreadable);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw fileError(file, ioProblem(err), EXIT.unreadable);
  }
  if (!text.replace(/^\uFEFF/, '').trim()) throw fileError(file, 'empty file (only whitespace)', EXIT.noItems);
  return { kind: 'document', text };
}

async function regularFileSize(file: string): Promise<number> {
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!st.isFile()) throw Object.assign(new Error('special file'), { code: 'not a regular file' });
    return st.size;
  } catch (err) {
    throw fileError(file, ioProblem(err), EXIT.unreadable);
  }
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw fileError(file, ioProblem(err), EXIT.unreadable);
  }
}

/** NDJSON by content: the first line (within the sniffed head) is a whole object or array, and more follows. */
function firstLineIsWholeValue(head: string): boolean {
  const nl = head.indexOf('\n');
  if (nl < 0 || !head.slice(nl + 1).trim()) return false;
  const first = head.slice(0, nl).replace(/^\uFEFF/, '').trim();
  if (!first.startsWith('{') && !first.startsWith('[')) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}
