import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliDeps } from './cli';
import type { ComposeDeps } from './commands/compose';
import type { EngineDeps } from './commands/engine';
import type { WebDeps } from './commands/web';
import { BERTH_VERSION } from './version';

/**
 * The real wiring of `berth`: Berth's own modules and this process's signals. Modules are imported when a
 * command needs them, so a command's start pays only for what it uses (docs/adr/0008-fast-cli-start.md).
 */
export function realDeps(): CliDeps {
  return { version: BERTH_VERSION, web: webDeps, engine: engineDeps, compose: composeDeps };
}

async function webDeps(): Promise<WebDeps> {
  const [{ openStore }, { createBackend }, { openBrowser }] = await Promise.all([
    import('../store/sqlite'),
    import('../host/create-backend'),
    import('./open-browser'),
  ]);
  return {
    openStore,
    createBackend,
    // The web host's HTTP stack costs ~0.5 s of startup that compose and engine commands skip.
    startWebServer: async (options) => (await import('../web/server')).startWebServer(options),
    openBrowser: (url, dataDir) => openBrowser(url, { handoverDir: join(dataDir, 'run') }),
    waitForShutdownSignal,
    staticDir: rendererDir(),
    version: BERTH_VERSION,
  };
}

async function engineDeps(): Promise<EngineDeps> {
  const [{ engineQueries }, { startEmbeddedEngine, stopEmbeddedEngine }] = await Promise.all([import('./engine-queries'), import('../providers/embedded')]);
  return { engines: engineQueries, startEmbedded: startEmbeddedEngine, stopEmbedded: stopEmbeddedEngine };
}

async function composeDeps(): Promise<ComposeDeps> {
  const [engine, { openMemoryStore, openStore }, { createBackend }, { processTerminal }] = await Promise.all([
    engineDeps(),
    import('../store/sqlite'),
    import('../host/create-backend'),
    import('./terminal'),
  ]);
  return {
    ...engine,
    openStore,
    openMemoryStore,
    createBackend,
    waitForShutdownSignal,
    cwd: process.cwd(),
    terminal: processTerminal(),
  };
}

/**
 * The CLI bundle (dist/cli-<hash>.cjs) serves dist/renderer next to it; BERTH_RENDERER_DIR overrides (packaging, tests from source).
 */
function rendererDir(): string {
  return process.env.BERTH_RENDERER_DIR ?? join(dirname(fileURLToPath(import.meta.url)), 'renderer');
}

/** First SIGINT/SIGTERM starts a clean shutdown; a second one means "now" and exits at once. */
function waitForShutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        process.stderr.write(`Received ${signal} again; exiting without cleanup.\n`);
        process.exit(130);
      }
      received = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
