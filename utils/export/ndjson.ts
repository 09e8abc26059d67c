/** NDJSON: one JSON object per line, `\n` after every line (also the last). One chunk per page of rows. */
export async function* ndjsonChunks(pages: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  for await (const page of pages) {
    if (page.length) yield page.map((row) => JSON.stringify(row)).join('\n') + '\n';
  }
}
