// `npm run bench`: runs every bench/*.bench.{mjs,ts} file, prints each one's table and writes
// bench/results/<name>.json. A .ts bench is bundled with esbuild first (Node 20 cannot run TypeScript).
// A bench module default-exports `async ({ log }) => ({ title, columns, rows, data })`. Benchmarks report
// figures; they never fail on timing (only a bench that crashes makes the run exit non-zero).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { root } from './lib/paths.mjs';

const benchDir = join(root, 'bench');
const resultsDir = join(benchDir, 'results');
const only = process.argv.slice(2);

/** Left-aligned columns, as the CLI prints its tables. */
export function formatTable(columns, rows) {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? String(Math.round(c * 1000) / 1000) : String(c ?? ''))));
  const widths = columns.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function load(file, tmp) {
  if (!file.endsWith('.ts')) return import(pathToFileURL(join(benchDir, file)).href);
  const out = join(tmp, file.replace(/\.ts$/, '.mjs'));
  await esbuild.build({
    entryPoints: [join(benchDir, file)],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return import(pathToFileURL(out).href);
}

const files = readdirSync(benchDir)
  .filter((f) => /\.bench\.(mjs|ts)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
if (files.length === 0) {
  console.log('No benchmarks found in bench/.');
  process.exit(0);
}
mkdirSync(resultsDir, { recursive: true });
// Bundles live inside the repo so their bare imports resolve from node_modules.
const tmp = mkdtempSync(join(benchDir, '.build-'));
let failed = 0;
try {
  for (const file of files) {
    const name = basename(file).replace(/\.bench\.(mjs|ts)$/, '');
    console.log(`\n== ${name} ==`);
    const started = Date.now();
    try {
      const mod = await load(file, tmp);
      const result = await mod.default({ log: (line) => console.log(`  ${line}`) });
      console.log(`\n${result.title}\n${formatTable(result.columns, result.rows)}`);
      for (const note of result.notes ?? []) console.log(`- ${note}`);
      const json = { name, at: new Date().toISOString(), durationMs: Date.now() - started, ...result };
      writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
      console.log(`\nwrote bench/results/${name}.json`);
    } catch (err) {
      failed++;
      console.error(`${name} crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
