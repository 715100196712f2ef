#!/usr/bin/env node
// The `berth` command: runs the bundled CLI. Kept tiny so it works before anything is built.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  console.error(`Berth is not built yet (${cli} is missing): run npm run build first.`);
  process.exit(1);
}
// dist/cli.mjs reads process.argv itself and exits with its own code.
await import(pathToFileURL(cli).href);
