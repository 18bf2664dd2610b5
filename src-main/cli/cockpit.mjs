#!/usr/bin/env node
// Runs in: Node (the `cockpit` bin). The CLI is bundled by `npm run build` into out/main/cli.js.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(`cockpit needs Node >= 22 (better-sqlite3 13 crashes on older Node); this is ${process.version}.\n`);
  process.exit(1);
}
const built = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('cockpit is not built yet: run `npm run build` first.\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2));
// A command that returned is done: a handle it left open (a stuck socket, a timer) must not keep the process alive.
setTimeout(() => process.exit(), 2000).unref();
