import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFileFor, runCommonJsBundle } from './code-cache';

// dist/cli.mjs: starts the `berth` bundle (dist/cli-<hash>.cjs, named by the build) with a V8 code cache kept in
// dist/cli-cache/ (docs/adr/0020). BERTH_CODE_CACHE=0 runs it without one.
declare const __BERTH_CLI_BUNDLE__: string;

const dir = path.dirname(fileURLToPath(import.meta.url));
const bundle = path.join(dir, __BERTH_CLI_BUNDLE__);
const cacheFile =
  process.env.BERTH_CODE_CACHE === '0'
    ? undefined
    : cacheFileFor(path.join(dir, 'cli-cache'), bundle, process.argv.slice(2));
runCommonJsBundle(bundle, cacheFile);
