import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../host/create-backend';
import { startEmbeddedEngine, stopEmbeddedEngine } from '../providers/embedded';
import { openStore } from '../store/sqlite';
import type { CliDeps } from './cli';
import type { ComposeDeps } from './commands/compose';
import type { EngineDeps } from './commands/engine';
import type { WebDeps } from './commands/web';
import { engineQueries } from './engine-queries';
import { processTerminal } from './terminal';
import { openBrowser } from './open-browser';
import { BERTH_VERSION } from './version';

/** The real wiring of `berth`: Berth's own modules and this process's signals. */
export function realDeps(): CliDeps {
  return { version: BERTH_VERSION, web: webDeps, engine: engineDeps, compose: composeDeps };
}

function webDeps(): WebDeps {
  return {
    openStore,
    createBackend,
    // Loaded on demand: the web host's HTTP stack costs ~0.5 s of startup that compose and engine commands skip.
    startWebServer: async (options) => (await import('../web/server')).startWebServer(options),
    openBrowser: (url, dataDir) => openBrowser(url, { handoverDir: join(dataDir, 'run') }),
    waitForShutdownSignal,
    staticDir: rendererDir(),
    version: BERTH_VERSION,
  };
}

function engineDeps(): EngineDeps {
  return {
    engines: engineQueries,
    startEmbedded: startEmbeddedEngine,
    stopEmbedded: stopEmbeddedEngine,
  };
}

function composeDeps(): ComposeDeps {
  return {
    ...engineDeps(),
    openStore,
    createBackend,
    waitForShutdownSignal,
    cwd: process.cwd(),
    terminal: processTerminal(),
  };
}

/**
 * dist/cli.mjs serves dist/renderer next to it; BERTH_RENDERER_DIR overrides (packaging, tests from source).
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
