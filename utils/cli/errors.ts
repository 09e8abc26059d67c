/**
 * Exit codes and the one error type the command reports. A `CliError` becomes one line on stderr
 * (`guangjie: <file>: <what>`) and its exit code; anything else is a bug and is reported as an internal error.
 */

/** Exit codes of `guangjie` (docs/CLI.md). Distinct, so scripts can tell a typo from a bad capture. */
export const EXIT = {
  ok: 0,
  /** A bug in guangjie itself (still one line on stderr; GUANGJIE_DEBUG=1 prints the stack). */
  internal: 1,
  /** Unknown command or option, missing file argument, bad option value. */
  usage: 2,
  /** A file could not be read or written: missing, a directory, no permission, above --max-bytes. */
  unreadable: 3,
  /** Read, but no feed item in it: empty, not JSON, truncated, an HTML page, a HAR without feed responses. */
  noItems: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);

/** `guangjie: <file>: <what>`: the message for a problem with one input or output file. */
export const fileError = (file: string, what: string, exitCode: ExitCode): CliError => new CliError(`${file}: ${what}`, exitCode);

/** A Node system error (ENOENT, EISDIR, EACCES ...) said in words. */
export function ioProblem(err: unknown, verb: 'read' | 'write' = 'read'): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return verb === 'read' ? 'no such file' : 'cannot write (no such directory)';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return `cannot ${verb}: permission denied (${code})`;
    default:
      return `cannot ${verb} (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}

/** Bytes as a person reads them: 1.1 GB, 512 MB, 900 bytes (decimal units, as disks are sold). */
export function humanBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${Math.round(n / 1e6)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} kB`;
  return `${n} bytes`;
}
