// How the `berth` command is bundled: shared by scripts/build.mjs and the test that checks which modules each
// command loads (scripts/lib/cli-bundle.test.ts), so the test sees the bundle the build makes.
import { basename, dirname } from 'node:path';
import * as esbuild from 'esbuild';
import { precompiledComposeSchema } from './compose-schema.mjs';
import { nodeBundleBase, targets } from './paths.mjs';

/**
 * esbuild options for the CLI bundle: one CommonJS file, dist/cli-<hash>.cjs, that dist/cli.mjs runs with a V8
 * code cache (docs/adr/0020; Node 20 caches no compiled ES modules). Commands, the web host, each backend domain
 * and the compose-spec validator are still imported on demand: in one bundle esbuild keeps each dynamically
 * imported module behind a lazy initialiser, so a command evaluates only what it runs (ADR 8, 19).
 */
export function cliBundleOptions() {
  return {
    entryPoints: { [basename(targets.cli.out, '.mjs')]: targets.cli.entry },
    outdir: dirname(targets.cli.out),
    // The content hash names the file, so a code cache can never meet another build of it.
    entryNames: '[name]-[hash]',
    outExtension: { '.js': '.cjs' },
    ...nodeBundleBase,
    format: 'cjs',
    // No import() left in it, not even of a package: the launcher's vm.Script could not run one (Node 20).
    supported: { 'dynamic-import': false },
    // Smaller source to read and hash on every start; stack traces map back through the .map beside it.
    minify: true,
    // The compose-spec validator is compiled here, not on every start (about a second of CPU). Packages every
    // command loads are bundled; the rest load from node_modules.
    plugins: [precompiledComposeSchema(), zodWithoutLocales(), bundledPackages()],
    // Modules that find files next to themselves (the renderer, the built-in templates) get the bundle's URL.
    define: { 'import.meta.url': '__berthImportMetaUrl' },
    banner: { js: "const __berthImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
}

/** Builds the bundle, then dist/cli.mjs, the launcher that starts it; returns the bundle's path. */
export async function buildCli() {
  const result = await esbuild.build({ ...cliBundleOptions(), metafile: true });
  const bundle = Object.keys(result.metafile.outputs).find((o) => o.endsWith('.cjs'));
  if (!bundle) throw new Error('esbuild wrote no CLI bundle');
  await esbuild.build({
    entryPoints: [targets.cli.launcher],
    outfile: targets.cli.out,
    ...nodeBundleBase,
    sourcemap: false,
    format: 'esm',
    define: { __BERTH_CLI_BUNDLE__: JSON.stringify(basename(bundle)) },
  });
  return bundle;
}

/**
 * zod is bundled (not loaded from node_modules) without its ~60 translated error-message modules: zod's entry
 * re-exports every locale (`z.locales`, `z.core.locales`), which Berth never uses (English messages, set by zod itself), and
 * loading them is about half of zod's import time. Bundled, zod is one chunk instead of ~80 files to resolve.
 */
function zodWithoutLocales() {
  return {
    name: 'berth-zod-without-locales',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(args.importer)
          ? { path: 'zod-locales', namespace: 'berth-empty' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'berth-empty' }, () => ({
        contents: 'export {};',
        loader: 'js',
      }));
    },
  };
}

/**
 * Pure-JavaScript packages every command loads (with what they require) are bundled into the chunks: Node loads
 * a package from node_modules file by file (~60 CommonJS files for yaml, ~80 for dockerode and its streams),
 * and resolving and wrapping each costs more than compiling it; bundled, yaml starts in ~12 ms of CPU instead of
 * ~50. Everything else stays in node_modules: native addons (better-sqlite3, ssh2), the web host's fastify and
 * ws, ajv's runtime helpers, and what defer-modules.ts loads on first use only (dockerode's BuildKit session,
 * docker-modem's ssh agent), kept as run-time requires so its require-cache stand-ins still apply.
 */
export const BUNDLED_PACKAGES = ['zod', 'yaml', 'dockerode'];
const ALWAYS_EXTERNAL = [
  'better-sqlite3',
  'ssh2',
  'cpu-features',
  'protobufjs',
  '@grpc/grpc-js',
  '@grpc/proto-loader',
];
const DEFERRED = [
  {
    importer: /[\\/]dockerode[\\/]lib[\\/]docker\.js$/,
    request: /^\.\/session(\.js)?$/,
    path: 'dockerode/lib/session.js',
  },
  {
    importer: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/,
    request: /^\.\/ssh(\.js)?$/,
    path: 'docker-modem/lib/ssh.js',
  },
];

function bundledPackages() {
  const packageName = (p) =>
    p
      .split('/')
      .slice(0, p.startsWith('@') ? 2 : 1)
      .join('/');
  return {
    name: 'berth-bundled-packages',
    setup(build) {
      build.onResolve({ filter: /^\.\/(session|ssh)(\.js)?$/ }, (args) => {
        const d = DEFERRED.find((x) => x.importer.test(args.importer) && x.request.test(args.path));
        return d ? { path: d.path, external: true } : undefined;
      });
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return undefined;
        const name = packageName(args.path);
        if (ALWAYS_EXTERNAL.includes(name)) return { path: args.path, external: true };
        // Inside a bundled package, its own dependencies are bundled too.
        if (BUNDLED_PACKAGES.includes(name) || /[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}
