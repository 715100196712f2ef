// How the `berth` command is bundled: shared by scripts/build.mjs and the test that checks which modules each
// command loads (scripts/lib/cli-bundle.test.ts), so the test sees the chunks the build makes.
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { precompiledComposeSchema } from './compose-schema.mjs';
import { targets } from './paths.mjs';

/** esbuild options for dist/cli.mjs and its chunks (dist/chunks/). */
export function cliBundleOptions() {
  return {
    entryPoints: { [basename(targets.cli.out, '.mjs')]: targets.cli.entry },
    outdir: dirname(targets.cli.out),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    format: 'esm',
    // Commands, the web host, each backend domain and the compose-spec validator are imported on demand and
    // become chunks, so a command loads only what it runs (docs/adr/0008-fast-cli-start.md, 0019).
    splitting: true,
    // node_modules stay external: native addons (better-sqlite3) and large deps load from node_modules.
    packages: 'external',
    // The compose-spec validator is compiled here, not on every start (about a second of CPU).
    plugins: [precompiledComposeSchema(), zodWithoutLocales()],
    // Bundled CommonJS (if any) may call require(); ESM has none, so provide one.
    banner: {
      js: "import { createRequire as __berthCreateRequire } from 'node:module'; const require = __berthCreateRequire(import.meta.url);",
    },
  };
}

/**
 * zod is bundled (not loaded from node_modules) without its ~60 translated error-message modules: zod's entry
 * re-exports every locale (`z.locales`, `z.core.locales`), which Berth never uses (English messages, set by zod itself), and
 * loading them is about half of zod's import time. Bundled, zod is one chunk instead of ~80 files to resolve.
 */
function zodWithoutLocales() {
  const require = createRequire(import.meta.url);
  return {
    name: 'berth-zod-without-locales',
    setup(build) {
      build.onResolve({ filter: /^zod$/ }, () => ({ path: require.resolve('zod').replace(/index\.cjs$/, 'index.js') }));
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(args.importer) ? { path: 'zod-locales', namespace: 'berth-empty' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'berth-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
    },
  };
}
