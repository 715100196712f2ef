import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** What happened to the code cache on this run. */
export type CodeCacheState = 'used' | 'missing' | 'rejected' | 'off';

/** The CommonJS wrapper Node puts around a module, on a line of its own so the bundle's lines keep their numbers. */
const WRAPPER = '(function (exports, require, module, __filename, __dirname) {\n';

/**
 * Runs a CommonJS bundle the way Node's loader would, but compiled with a V8 code cache (docs/adr/0020): V8 then
 * skips parsing and compiling what the cache holds, which is most of a command's start. Node 20 has no compile
 * cache for ES modules, hence one CommonJS bundle run through vm.Script.
 *
 * The cache is read from `cacheFile` when it exists; when it is missing or V8 refuses it (another Node, other V8
 * flags), a new one is written when the process exits with code 0, after the command ran, so it holds the
 * functions the command compiled too. It is written beside a temporary name and renamed, so concurrent runs
 * never see half a file; a folder that cannot be written (a read-only install) only means no cache.
 *
 * The bundle may not call import(): Node 20 runs a vm.Script's dynamic imports only behind an experimental flag
 * (the CLI bundle is built with `supported: { 'dynamic-import': false }`, so esbuild makes them requires).
 */
export function runCommonJsBundle(bundleFile: string, cacheFile?: string): CodeCacheState {
  const file = path.resolve(bundleFile);
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet: this run writes it.
    }
  }
  const script = new vm.Script(`${WRAPPER}${source}\n})`, {
    filename: file,
    lineOffset: -1,
    ...(cachedData ? { cachedData } : {}),
  });
  const state: CodeCacheState = !cacheFile ? 'off' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  if (cacheFile && state !== 'used') {
    process.once('exit', (code) => {
      if (code === 0) saveCache(script, cacheFile);
    });
  }
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return state;
}

function saveCache(script: vm.Script, cacheFile: string): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there.
    }
  }
}

/**
 * Where the cache of one command lives: one file per bundle, command, Node version and architecture, so
 * `berth compose` and `berth web` each keep the functions they use. `command` is the first argument when it
 * looks like a command name; anything else (options such as --version) shares one file.
 */
export function cacheFileFor(cacheDir: string, bundleFile: string, argv: readonly string[]): string {
  const first = argv[0] ?? '';
  const command = /^[a-z][a-z-]{0,31}$/.test(first) ? first : 'default';
  return path.join(cacheDir, `${path.basename(bundleFile, '.cjs')}.${command}.${process.version}-${process.arch}.bin`);
}
