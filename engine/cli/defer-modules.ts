import { createRequire, Module } from 'node:module';

type Fn = (...args: unknown[]) => unknown;

/**
 * Seeds the require cache with a stand-in for a CommonJS module whose export is one function, so the module
 * (and what it requires) loads on the stand-in's first call instead of when its parent loads. Nothing changes
 * when the module cannot be resolved (another layout) or is loaded already.
 */
export function deferFunctionModule(request: string, from: string = import.meta.url): void {
  const require = createRequire(from);
  let file: string;
  try {
    file = require.resolve(request);
  } catch {
    return;
  }
  if (require.cache[file]) return;
  let real: Fn | undefined;
  const load = (): Fn => {
    delete require.cache[file];
    const loaded = require(file) as Fn;
    require.cache[file] = stub;
    return loaded;
  };
  const stub = new Module(file);
  stub.filename = file;
  stub.loaded = true;
  stub.exports = function deferred(this: unknown, ...args: unknown[]): unknown {
    real ??= load();
    return real.apply(this, args);
  };
  require.cache[file] = stub;
}

/**
 * What dockerode and docker-modem require when they load but a `berth` command rarely uses (measured with
 * --cpu-prof, docs/adr/0008-fast-cli-start.md):
 * - dockerode's BuildKit session helper pulls in gRPC and protobuf loaders (about a third of `berth compose
 *   ps`'s start); only BuildKit builds (`version: '2'`) use it, and Berth builds with the classic builder;
 * - docker-modem's ssh agent pulls in ssh2 and its crypto (about 60 ms here); only ssh:// engines use it.
 */
export function deferDockerodeExtras(from: string = import.meta.url): void {
  deferFunctionModule('dockerode/lib/session.js', from);
  deferFunctionModule('docker-modem/lib/ssh.js', from);
}
