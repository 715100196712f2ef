import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { findExecutable } from '../../engine/providers/embedded-launch';
import type { TestCertificates } from './tls';

const run = promisify(execFile);

export interface TestRegistry {
  /** "127.0.0.1:PORT": prefix image names with it to push and pull (dockerd trusts 127.0.0.0/8 over HTTP). */
  host: string;
  url: string;
  /** The registry's own log (stdout and stderr), for diagnosing failures. */
  logFile: string;
  /** Set when started with auth. */
  credentials?: { username: string; password: string };
  /** Repositories the registry holds (GET /v2/_catalog). */
  catalog(): Promise<string[]>;
  tags(repository: string): Promise<string[]>;
  /** Stops the registry and deletes its storage. Idempotent. */
  stop(): Promise<void>;
}

export interface TestRegistryOptions {
  /** Require this login (htpasswd, bcrypt), so tests can see "unauthorized". */
  auth?: { username: string; password: string };
  /** Serve HTTPS with this certificate (clients must trust its CA). */
  tls?: TestCertificates;
  /** Token auth: tokens from this issuer, signed by a certificate that chains to `caFile`. */
  token?: { realm: string; service: string; issuer: string; caFile: string };
}

/**
 * A real registry (distribution, Debian's docker-registry) on 127.0.0.1 at a free port, with its storage in a
 * fresh temporary folder and its output in a log file (never the test runner's pipes). Dies with the test.
 */
export async function startTestRegistry(options: TestRegistryOptions = {}): Promise<TestRegistry> {
  const binary = await findExecutable('docker-registry', process.env);
  if (!binary) throw new Error('docker-registry is not installed; run: apt-get install -y docker-registry');
  const dir = await mkdtemp(join(tmpdir(), 'berth-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const logFile = join(dir, 'registry.log');
  let auth = '';
  if (options.auth) {
    const hash = await bcrypt(options.auth.password);
    await writeFile(join(dir, 'htpasswd'), `${options.auth.username}:${hash}\n`);
    auth = `auth:\n  htpasswd:\n    realm: berth-test\n    path: ${join(dir, 'htpasswd')}\n`;
  }
  if (options.token) {
    const t = options.token;
    auth = `auth:\n  token:\n    realm: ${t.realm}\n    service: ${t.service}\n    issuer: ${t.issuer}\n    rootcertbundle: ${t.caFile}\n`;
  }
  const tls = options.tls
    ? `  tls:\n    certificate: ${options.tls.certFile}\n    key: ${options.tls.keyFile}\n`
    : '';
  const config = [
    'version: 0.1',
    'log:',
    '  level: info',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'storage')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${host}`,
    tls,
    auth,
  ].join('\n');
  await writeFile(join(dir, 'config.yml'), config);

  const out = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(binary, ['serve', join(dir, 'config.yml')], {
      stdio: ['ignore', out, out],
      detached: false,
    });
  } finally {
    closeSync(out);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `${options.tls ? 'https' : 'http'}://${host}`;
  const authHeader = options.auth
    ? {
        authorization: `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`,
      }
    : undefined;
  const get = async (path: string): Promise<unknown> => {
    const res = await fetch(`${url}${path}`, authHeader ? { headers: authHeader } : {});
    if (!res.ok) throw new Error(`registry ${path}: HTTP ${res.status}`);
    return res.json();
  };

  let stopping: Promise<void> | undefined;
  const registry: TestRegistry = {
    host,
    url,
    logFile,
    ...(options.auth ? { credentials: options.auth } : {}),
    catalog: async () => ((await get('/v2/_catalog')) as { repositories?: string[] }).repositories ?? [],
    tags: async (repository) =>
      ((await get(`/v2/${repository}/tags/list`)) as { tags?: string[] | null }).tags ?? [],
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        }
        await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      })()),
  };
  try {
    await waitUntilReady(url, exited, logFile, options.tls?.ca);
  } catch (err) {
    await registry.stop();
    throw err;
  }
  return registry;
}

async function waitUntilReady(
  url: string,
  exited: Promise<void>,
  logFile: string,
  ca?: string,
): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the registry exited during start; see ${logFile}`);
    // /v2/ answers 200 (open) or 401 (auth required) once the registry listens.
    const status = await statusOf(`${url}/v2/`, ca);
    if (status === 200 || status === 401) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the registry did not answer at ${url} within 15 s; see ${logFile}`);
}

/** The HTTP status of a GET (0 when nothing answers); node:https because fetch cannot trust a test CA. */
function statusOf(url: string, ca?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = (url.startsWith('https:') ? httpsRequest : httpRequest)(url, ca ? { ca } : {}, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A bcrypt hash for htpasswd (distribution accepts bcrypt only), through htpasswd or Python's crypt. */
async function bcrypt(password: string): Promise<string> {
  const htpasswd = await findExecutable('htpasswd', process.env);
  if (htpasswd) {
    const { stdout } = await run(htpasswd, ['-nbB', 'u', password]);
    return stdout.trim().replace(/^u:/, '');
  }
  const { stdout } = await run('python3', [
    '-c',
    'import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH)))',
    password,
  ]);
  const hash = stdout.trim();
  if (!hash.startsWith('$2')) throw new Error('no bcrypt available for htpasswd auth; install apache2-utils');
  return hash;
}
