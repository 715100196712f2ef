// `npm run build`: bundles the CLI and the Electron shell with esbuild, then the renderer with Vite, into dist/.
// Parts whose entry files do not exist yet are skipped with a note, so a partial checkout still builds.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { buildCli } from './lib/cli-bundle.mjs';
import { electronMainOptions } from './lib/electron-bundle.mjs';
import { dist, nodeBundleBase, root, targets, viteConfig } from './lib/paths.mjs';

const started = performance.now();
const rel = (p) => relative(root, p);
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const size = (file) => `${Math.round(statSync(file).size / 1024)} KiB`;

async function bundle(label, target, options) {
  if (!existsSync(target.entry)) {
    console.log(`- ${label}: skipped (${rel(target.entry)} does not exist yet)`);
    return;
  }
  const t = performance.now();
  await esbuild.build({
    entryPoints: [target.entry],
    outfile: target.out,
    ...nodeBundleBase,
    ...options,
  });
  console.log(`- ${label}: ${rel(target.out)} (${size(target.out)}) in ${seconds(t)}`);
}

async function buildRenderer() {
  const target = targets.renderer;
  if (!existsSync(target.entry)) {
    console.log(`- renderer: skipped (${rel(target.entry)} does not exist yet)`);
    return;
  }
  if (!existsSync(viteConfig)) {
    console.log(`- renderer: skipped (${rel(viteConfig)} does not exist yet)`);
    return;
  }
  const t = performance.now();
  const { build } = await import('vite');
  await build({ configFile: viteConfig, logLevel: 'warn' });
  if (!existsSync(target.out))
    throw new Error(
      `vite build finished but ${rel(target.out)} is missing; check build.outDir in vite.config.ts`,
    );
  console.log(`- renderer: ${rel(target.out)} and assets in ${seconds(t)}`);
}

try {
  mkdirSync(dist, { recursive: true });
  // Stale bundles from removed entries must not be started by mistake.
  for (const t of [targets.cli, targets.electronMain, targets.electronPreload])
    for (const f of [t.out, `${t.out}.map`]) rmSync(f, { force: true });
  // Earlier CLI bundles, their code caches (dist/cli-cache) and the chunks older builds split the CLI into.
  for (const f of readdirSync(dist)) if (/^cli-.*\.cjs(\.map)?$/.test(f)) rmSync(join(dist, f), { force: true });
  for (const d of ['chunks', 'cli-cache']) rmSync(join(dist, d), { recursive: true, force: true });
  console.log('Building Berth…');
  if (existsSync(targets.cli.entry)) {
    const t = performance.now();
    const bundle = await buildCli();
    console.log(`- cli: ${rel(targets.cli.out)} starting ${rel(bundle)} (${size(bundle)}) in ${seconds(t)}`);
  } else console.log(`- cli: skipped (${rel(targets.cli.entry)} does not exist yet)`);
  if (existsSync(targets.electronMain.entry)) {
    const t = performance.now();
    await esbuild.build(electronMainOptions());
    console.log(`- electron main: ${rel(targets.electronMain.out)} (${size(targets.electronMain.out)}) in ${seconds(t)}`);
  } else console.log(`- electron main: skipped (${rel(targets.electronMain.entry)} does not exist yet)`);
  // The preload runs sandboxed, where only a few modules can be required: everything but electron is inlined.
  await bundle('electron preload', targets.electronPreload, { format: 'cjs', external: ['electron'] });
  await buildRenderer();
  console.log(`Built in ${seconds(started)}.`);
} catch (err) {
  console.error(`Build failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
