// How the `berth` command is bundled: shared by scripts/build.mjs and the test that checks which modules each
// command loads (scripts/lib/cli-bundle.test.ts), so the test sees the chunks the build makes.
import { basename, dirname } from 'node:path';
import { precompiledComposeSchema } from './compose-schema.mjs';
import { nodeBundleBase, targets } from './paths.mjs';

/** esbuild options for dist/cli.mjs and its chunks (dist/chunks/). */
export function cliBundleOptions() {
  return {
    entryPoints: { [basename(targets.cli.out, '.mjs')]: targets.cli.entry },
    outdir: dirname(targets.cli.out),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    ...nodeBundleBase,
    format: 'esm',
    // Commands, the web host, each backend domain and the compose-spec validator are imported on demand and
    // become chunks, so a command loads only what it runs (docs/adr/0008-fast-cli-start.md, 0019).
    splitting: true,
    // The compose-spec validator is compiled here, not on every start (about a second of CPU). Packages every
    // command loads are bundled; the rest load from node_modules.
    plugins: [precompiledComposeSchema(), zodWithoutLocales(), bundledPackages()],
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
