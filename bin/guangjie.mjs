#!/usr/bin/env node
// The `guangjie` command. The extension's TypeScript runs as it is, with no build step: tsx compiles each module
// as Node loads it, so the command uses the very extraction and classification code the extension ships.
// Plain JavaScript on purpose: this file must load before tsx is registered.

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 6)) {
  process.stderr.write(`guangjie: Node ${process.versions.node} is too old; Node 20.19 or newer is needed\n`);
  process.exit(1);
}

const { register } = await import('tsx/esm/api');
// tsconfig false: the command's sources need no path aliases or JSX, and a fresh clone has no .wxt/tsconfig.json
// (made by `wxt prepare`) for the project tsconfig to extend.
register({ tsconfig: false });
const { main } = await import('../utils/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
