/**
 * The `guangjie` command: arguments in, an exit code out. Every failure is one line on stderr starting with
 * `guangjie: `; a stack trace only for a bug, and only with GUANGJIE_DEBUG=1. bin/guangjie.mjs loads this file
 * through tsx, so the TypeScript the extension is built from runs as it is.
 */
import { readFileSync } from 'node:fs';
import { parseCommand } from './args';
import { runClassify } from './classify-command';
import { CliError, EXIT, type ExitCode } from './errors';
import { CLASSIFY_HELP, MAIN_HELP } from './help';

const say = (line: string): void => {
  process.stderr.write(`guangjie: ${line}\n`);
};

export async function main(argv: string[]): Promise<ExitCode> {
  // `guangjie classify big.har | head -1`: the reader leaving is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    say(`stdout: cannot write (${err.code ?? err.message})`);
    process.exit(EXIT.unreadable);
  });
  try {
    const cmd = parseCommand(argv);
    switch (cmd.command) {
      case 'help':
        process.stdout.write(cmd.topic === 'classify' ? CLASSIFY_HELP : MAIN_HELP);
        return EXIT.ok;
      case 'version':
        process.stdout.write(`guangjie ${packageVersion()}\n`);
        return EXIT.ok;
      case 'classify':
        return await runClassify(cmd, say);
    }
  } catch (err) {
    if (err instanceof CliError) {
      say(err.message);
      return err.exitCode;
    }
    say(`internal error: ${err instanceof Error ? err.message : String(err)} (a bug; GUANGJIE_DEBUG=1 shows where)`);
    if (process.env.GUANGJIE_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    return EXIT.internal;
  }
}

function packageVersion(): string {
  try {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}
