/**
 * `guangjie classify`: every file → feed items (the platforms' own extractors) → classify() (the extension's own
 * classifier) → one NDJSON line per item, or a summary. Items are deduplicated by platform and id across all
 * files, the first reading winning, so lines stream out as they are found and memory holds only the ids seen.
 */
import { classify } from '../classify';
import type { FeedItem } from '../model/item';
import { platforms as registeredPlatforms } from '../platforms/registry';
import type { Platform } from '../platforms/types';
import { CliError, EXIT, fileError, humanBytes, type ExitCode } from './errors';
import { openInput } from './input-file';
import { itemLine } from './item-line';
import { parseJsonText } from './json-text';
import { linesOf, type Line } from './line-reader';
import { emptyTally, itemsInValue, whyNoItems, type ReadContext } from './responses';
import { Summary } from './summary';
import { fileWriter, streamWriter, type LineWriter } from './writer';

/** Problems reported per file before the rest are only counted, so a broken capture cannot flood the terminal. */
export const MAX_WARNINGS_PER_FILE = 20;

export interface ClassifyOptions {
  files: string[];
  out?: string;
  summary: boolean;
  maxBytes: number;
}

export async function runClassify(opts: ClassifyOptions, say: (line: string) => void, platforms: readonly Platform[] = registeredPlatforms): Promise<ExitCode> {
  const writer = opts.out ? await fileWriter(opts.out) : streamWriter(process.stdout, 'stdout', false);
  const summary = new Summary();
  const seen = new Set<string>();
  let exit: ExitCode = EXIT.ok;
  for (const file of opts.files) {
    try {
      await classifyFile(file, { ...opts, platforms, say, counts: summary, seen, writer: opts.summary && !opts.out ? undefined : writer });
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      say(err.message);
      if (exit === EXIT.ok) exit = err.exitCode;
    }
  }
  await writer.close();
  if (opts.summary) process.stdout.write(summary.format());
  return exit;
}

interface FileContext extends ClassifyOptions {
  platforms: readonly Platform[];
  say(line: string): void;
  counts: Summary;
  seen: Set<string>;
  /** Undefined with --summary and no --out: lines are counted, not written. */
  writer?: LineWriter;
}

async function classifyFile(file: string, c: FileContext): Promise<void> {
  const input = await openInput(file, c.maxBytes);
  let warnings = 0;
  const warn = (where: string, problem: string): void => {
    if (++warnings <= MAX_WARNINGS_PER_FILE) c.say(`${file}${where}: ${problem}`);
  };
  const tally = emptyTally();
  const ctx: ReadContext = { platforms: c.platforms, tally, warn: (where, problem) => warn(`: ${where}`, problem) };
  let found = 0;
  let lines = 0;
  let badLines = 0;
  const emit = async (items: FeedItem[], line?: number): Promise<void> => {
    for (const item of items) {
      found++;
      const key = `${item.platform}:${item.id}`;
      if (c.seen.has(key)) {
        c.counts.duplicates++;
        continue;
      }
      c.seen.add(key);
      const out = itemLine(classify(item), item.endpoint, line === undefined ? { file } : { file, line });
      c.counts.add(out);
      await c.writer?.write(`${JSON.stringify(out)}\n`);
    }
  };
  const readLines = async (source: AsyncIterable<Line> | Iterable<Line>): Promise<void> => {
    for await (const line of source) {
      if ('tooLongBytes' in line) {
        lines++;
        badLines++;
        warn(`:${line.lineNo}`, `line of ${humanBytes(line.tooLongBytes)} is above --max-bytes ${humanBytes(c.maxBytes)}; skipped`);
        continue;
      }
      if (!line.text.trim()) continue;
      lines++;
      const parsed = parseJsonText(line.text);
      if (!parsed.ok) {
        badLines++;
        warn(`:${line.lineNo}`, `${parsed.problem}; line skipped`);
        continue;
      }
      await emit(itemsInValue(parsed.value, '', ctx), line.lineNo);
    }
  };

  if (input.kind === 'ndjson') await readLines(linesOf(file, c.maxBytes));
  else {
    const parsed = parseJsonText(input.text);
    if (parsed.ok) await emit(itemsInValue(parsed.value, '', ctx));
    else if (firstLineParses(input.text)) await readLines(inMemoryLines(input.text)); // NDJSON whose first line outgrew the sniff
    else throw fileError(file, parsed.problem, EXIT.noItems);
  }
  c.counts.addTally(tally);
  if (warnings > MAX_WARNINGS_PER_FILE) c.say(`${file}: ${warnings - MAX_WARNINGS_PER_FILE} more problems not shown`);
  if (found > 0) return;
  if (lines > 0 && badLines === lines) throw fileError(file, `no line is readable JSON (${lines} line${lines === 1 ? '' : 's'})`, EXIT.noItems);
  throw fileError(file, whyNoItems(tally), EXIT.noItems);
}

function firstLineParses(text: string): boolean {
  const nl = text.indexOf('\n');
  return nl > 0 && parseJsonText(text.slice(0, nl)).ok;
}

function* inMemoryLines(text: string): Iterable<Line> {
  let lineNo = 1;
  for (let from = 0; from < text.length; lineNo++) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    yield { lineNo, text: text.slice(from, end) };
    from = end + 1;
  }
}
