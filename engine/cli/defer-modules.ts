import { createRequire, Module } from 'node:module';

type WithSession = (...args: unknown[]) => unknown;

/**
 * dockerode requires its BuildKit session helper when it loads, and that pulls in gRPC and protobuf loaders:
 * about a third of `berth compose ps`'s start (measured with --cpu-prof, docs/adr/0008-fast-cli-start.md). Only
 * BuildKit builds (`version: '2'`) use it; Berth builds with the classic builder. So the CLI seeds the require
 * cache with a stand-in that loads the real helper on its first call. Nothing changes when dockerode is laid out
 * differently (the helper cannot be resolved) or already loaded.
 */
export function deferDockerodeSession(from: string = import.meta.url): void {
  const require = createRequire(from);
  let file: string;
  try {
    file = require.resolve('dockerode/lib/session.js');
  } catch {
    return;
  }
  if (require.cache[file]) return;
  let real: WithSession | undefined;
  const load = (): WithSession => {
    delete require.cache[file];
    const loaded = require(file) as WithSession;
    require.cache[file] = stub;
    return loaded;
  };
  const stub = new Module(file);
  stub.filename = file;
  stub.loaded = true;
  stub.exports = function withSession(this: unknown, ...args: unknown[]): unknown {
    real ??= load();
    return real.apply(this, args);
  };
  require.cache[file] = stub;
}
