import { parseArgs } from 'node:util';
import type { Backend } from '../../host/backend';
import type { Store } from '../../store/types';
import { logTaskLifecycle } from '../../host/task-log';
import type { WebServer, WebServerOptions } from '../../web/server';
import { resolveDataDir } from '../data-dir';
import { EXIT, type CliIo } from '../io';
import { WEB_USAGE } from '../usage';
import { parseEngineFlag, parsePort, UsageError } from './args';
import { removeConnectionFile, webTls, writeConnectionFile } from './web-tls';
import { isLoopbackHost } from '../../web/host-check';
import { parseTrustedProxies, type TrustedProxies } from '../../web/client-address';

/** The browser Berth opens exchanges its code within seconds; a short life keeps a stray copy useless. */
const HANDOVER_CODE_TTL_MS = 2 * 60_000;

/** Everything `berth web` needs from the rest of Berth, injected so tests can run it without a real engine. */
export interface WebDeps {
  openStore(dataDir: string): Store;
  createBackend(options: { dataDir: string; store: Store; engineFlag?: string }): Promise<Backend>;
  startWebServer(options: WebServerOptions): Promise<WebServer>;
  /** Opens `url` without putting it in a process's arguments (private files go to `dataDir`). */
  openBrowser(url: string, dataDir: string): boolean;
  /** Resolves with the first SIGINT/SIGTERM; a second one should end the process at once. */
  waitForShutdownSignal(): Promise<string>;
  staticDir: string;
  version: string;
}

export async function webCommand(argv: string[], io: CliIo, deps: WebDeps): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'no-open': { type: 'boolean' },
      insecure: { type: 'boolean' },
      accounts: { type: 'boolean' },
      'insecure-single-user': { type: 'boolean' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'trusted-proxy': { type: 'string' },
      engine: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(WEB_USAGE);
    return EXIT.ok;
  }
  const port = values.port === undefined ? undefined : parsePort(values.port);
  const engineFlag = values.engine === undefined ? undefined : parseEngineFlag(values.engine);
  if (values.host !== undefined && !/^[A-Za-z0-9.:[\]-]+$/.test(values.host)) {
    throw new UsageError(`--host must be an IP address or host name, not "${values.host}".`);
  }
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
    throw new UsageError('--tls-cert and --tls-key go together.');
  }
  if (values.accounts && values['insecure-single-user']) {
    throw new UsageError('--accounts and --insecure-single-user exclude each other.');
  }
  let trustedProxies: TrustedProxies | undefined;
  if (values['trusted-proxy'] !== undefined) {
    try {
      trustedProxies = parseTrustedProxies(values['trusted-proxy']);
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
  }
  // Off loopback, accounts are the default: a link alone would make everyone who gets it admin (ADR 18).
  const offLoopback = values.host !== undefined && !isLoopbackHost(values.host);
  const accounts = values.accounts === true || (offLoopback && !values['insecure-single-user']);
  const dataDir = resolveDataDir(values['data-dir'], io);

  const store = deps.openStore(dataDir);
  let backend: Backend | undefined;
  let server: WebServer | undefined;
  const shutdown = async (): Promise<void> => {
    removeConnectionFile(dataDir);
    // Reverse order of creation: stop taking requests, then stop the engine connection (and an embedded
    // engine this session started), then close the database the backend was writing its audit log to.
    await server?.close().catch((err: unknown) => io.err(`Closing the web server failed: ${String(err)}`));
    await backend?.dispose().catch((err: unknown) => io.err(`Stopping the backend failed: ${String(err)}`));
    store.close();
  };

  try {
    const tls = webTls(values, dataDir, (m) => io.err(m));
    backend = await deps.createBackend({ dataDir, store, ...(engineFlag ? { engineFlag } : {}) });
    logTaskLifecycle(backend.bus, (line) => io.err(line));
    server = await deps.startWebServer({
      backend,
      staticDir: deps.staticDir,
      version: deps.version,
      warn: (m) => io.err(m),
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(tls ? { tls } : {}),
      ...(values.insecure ? { insecure: true } : {}),
      ...(accounts ? { accounts: store.accounts } : {}),
      ...(trustedProxies ? { trustedProxies } : {}),
      audit: (entry) => store.audit.append(entry),
      ...(values['insecure-single-user'] ? { singleUserOffLoopback: true } : {}),
    });
    writeConnectionFile(dataDir, server);
  } catch (err) {
    await shutdown();
    io.err(startFailure(err, port));
    return EXIT.failed;
  }

  // The one line scripts and tests wait for; everything else goes to stderr. Its login code works once; the
  // browser Berth opens gets a code of its own, so the printed one stays usable for another browser.
  if (server.setupToken) {
    // On the console only (stdout of whoever started Berth): it makes the first admin, once.
    io.out(`First run: create the first admin account in the browser with this one-time setup token: ${server.setupToken}`);
  }
  io.out(`Berth is running at ${server.url}`);
  if (server.mode === 'accounts') io.err('Accounts mode: people sign in with their username and password.');
  if (trustedProxies) {
    io.err(`Client addresses come from X-Forwarded-For when the peer is one of: ${trustedProxies.entries.join(', ')}.`);
  }
  if (!values['no-open']) deps.openBrowser(server.loginUrl(HANDOVER_CODE_TTL_MS), dataDir);

  const signal = await deps.waitForShutdownSignal();
  io.err(`Received ${signal}; shutting down Berth.`);
  await shutdown();
  return EXIT.ok;
}

function startFailure(err: unknown, port: number | undefined): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (code === 'EADDRINUSE') {
    return `Port ${port ?? 7780} is already in use. Stop what uses it, or pass --port N (or --port 0 for any free port).`;
  }
  if (code === 'EADDRNOTAVAIL') return 'That --host address is not an address of this machine.';
  if (code === 'EACCES') return `Not allowed to listen on port ${port ?? 7780}; choose a port above 1023.`;
  const message = err instanceof Error ? err.message : String(err);
  return `Berth could not start web mode: ${message}`;
}
