/** Rows with awkward text for the export tests, written through the normal write path. */
import { writeItems, writeTouchpoints } from '../../utils/background/touchpoint-writer';
import type { GuangjieDb } from '../../utils/db/schema';
import { item, T0, tp } from './background-fixtures';

export const AWKWARD = ['plain', 'comma, inside', 'quote " inside', 'line\nbreak', 'crlf\r\nbreak', '口红 💄 直播间', '=SUM(A1)', ' padded '];

export async function seedExportRows(db: GuangjieDb, n = 7): Promise<void> {
  const tps = Array.from({ length: n }, (_, i) =>
    tp({ at: T0 + i * 1000, tags: i % 2 ? ['shop', 'ad'] : [], brand: AWKWARD[i % AWKWARD.length], query: i === 3 ? 'a,"b"\nc' : undefined, dwellMs: 1000 + i }),
  );
  await writeTouchpoints(db, tps, { extVersion: '0.1.0', now: T0 + 60_000 });
  await writeItems(db, AWKWARD.slice(0, 5).map((desc, i) => item({ id: `74800000000000000${i}`, desc, authorName: AWKWARD[(i + 3) % AWKWARD.length] })),
    { extVersion: '0.1.0', now: T0 + 60_000 });
}

/** A small RFC 4180 parser (quoted fields, doubled quotes, CRLF records) to read the CSV back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}
