/**
 * Command-line arguments (node:util parseArgs, strict): `guangjie <command> [options] <file>...`.
 * Every mistake becomes a usage error (exit 2) in one line, never a stack trace.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { usageError } from './errors';
import { DEFAULT_MAX_BYTES } from './input-file';

export type Command =
  | { command: 'help'; topic?: 'classify' }
  | { command: 'version' }
  | { command: 'classify'; files: string[]; out?: string; summary: boolean; maxBytes: number };

export function parseCommand(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-v') return { command: 'version' };
  if (first !== 'classify') throw usageError(`unknown command ${JSON.stringify(first)}; try: guangjie classify <file> (guangjie --help)`);
  return parseClassify(rest);
}

function parseClassify(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        summary: { type: 'boolean', short: 's', default: false },
        'max-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    // parseArgs says e.g. "Unknown option '--x'. To specify a positional argument starting with a '-' ...": keep the first sentence.
    throw usageError(`classify: ${String((err as Error).message).split('. ')[0]} (guangjie classify --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', topic: 'classify' };
  if (!positionals.length) throw usageError('classify: no input file (guangjie classify --help)');
  // --out is opened (and emptied) before any input is read: writing over an input would destroy it unread.
  if (values.out && positionals.some((f) => resolve(f) === resolve(values.out!)))
    throw usageError(`classify: --out ${values.out} is also an input file`);
  return {
    command: 'classify',
    files: positionals,
    out: values.out,
    summary: values.summary ?? false,
    maxBytes: values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : byteCount(values['max-bytes']),
  };
}

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/** `1000`, `64k`, `512M`, `2G` (decimal, as humanBytes prints them) → bytes. */
export function byteCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(text.trim());
  const n = m ? Math.floor(Number(m[1]) * SUFFIX[m[2].toLowerCase()]) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw usageError(`classify: --max-bytes ${JSON.stringify(text)} is not a byte count such as 1000, 64k, 512M or 2G`);
  return n;
}
