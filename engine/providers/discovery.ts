import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { posix, resolve } from 'node:path';
import type { EngineCandidate } from '../contract';
import { dockerContextCandidate, dockerHostCandidate, isPlainTcp } from './docker-context';
import { embeddedCandidateOf, engineLayout } from './embedded-layout';
import type { DiscoveryEnv } from './types';

interface SocketSpot {
  path: string;
  podman: boolean;
}

/** Where Docker and Podman put their API sockets by default, per platform, most common first. */
function defaultSockets(denv: DiscoveryEnv): SocketSpot[] {
  const home = denv.homeDir;
  if (denv.platform === 'win32') {
    return [
      { path: '//./pipe/docker_engine', podman: false },
      { path: '//./pipe/podman-machine-default', podman: true },
    ];
  }
  const runtime = denv.env.XDG_RUNTIME_DIR || `/run/user/${denv.uid}`;
  const docker = [
    '/var/run/docker.sock',
    ...(denv.platform === 'linux' ? [posix.join(runtime, 'docker.sock')] : []),
    posix.join(home, '.docker', 'run', 'docker.sock'),
    posix.join(home, '.docker', 'desktop', 'docker.sock'),
    ...(denv.platform === 'darwin' ? [posix.join(home, '.colima', 'default', 'docker.sock')] : []),
  ];
  const podman = denv.platform === 'linux' ? [posix.join(runtime, 'podman', 'podman.sock'), '/run/podman/podman.sock'] : [];
  return [...docker.map((path) => ({ path, podman: false })), ...podman.map((path) => ({ path, podman: true }))];
}

function socketEndpoint(denv: DiscoveryEnv, path: string): string {
  return denv.platform === 'win32' ? `npipe://${path}` : `unix://${path}`;
}

/** Same engine, same key: scheme case, duplicate slashes and trailing slashes do not make a new engine. */
export function endpointKey(endpoint: string): string {
  const m = /^([a-z]+):\/\/(.*)$/i.exec(endpoint.trim());
  if (!m) return endpoint.trim();
  const scheme = (m[1] ?? '').toLowerCase();
  const rest = m[2] ?? '';
  if (scheme === 'unix') return `unix://${posix.normalize(rest)}`;
  if (scheme === 'npipe') return `npipe://${rest.replace(/\\/g, '/').replace(/^\/*/, '//')}`;
  return `${scheme}://${rest.replace(/\/+$/, '').toLowerCase()}`;
}

/** Berth's own engine as discovery lists it: always present, rootless unless Berth runs as root. */
export function embeddedCandidateFor(denv: DiscoveryEnv, dataDir: string): EngineCandidate {
  const { socketPath } = engineLayout(resolve(dataDir), denv.env, denv.uid);
  return embeddedCandidateOf(socketPath, denv.uid !== 0);
}

/**
 * Every engine Berth could use, in the order it tries them: DOCKER_HOST, the current Docker context, default
 * sockets that exist (Docker, then Podman), and finally Berth's own embedded engine. Duplicates (the same
 * endpoint found twice) keep their first, more specific, entry.
 */
export async function discoverEngines(denv: DiscoveryEnv, opts: { dataDir: string }): Promise<EngineCandidate[]> {
  const found: EngineCandidate[] = [];
  const fromHost = dockerHostCandidate(denv);
  if (fromHost) found.push(fromHost);
  const fromContext = await dockerContextCandidate(denv);
  if (fromContext) found.push(fromContext);
  for (const spot of defaultSockets(denv)) {
    if (!(await denv.isSocket(spot.path))) continue;
    found.push({
      id: `${spot.podman ? 'podman-socket' : 'default-socket'}:${spot.path}`,
      source: spot.podman ? 'podman-socket' : 'default-socket',
      label: `${spot.podman ? 'Podman' : 'Docker'} socket ${spot.path}`,
      endpoint: socketEndpoint(denv, spot.path),
      embedded: false,
    });
  }
  found.push(embeddedCandidateFor(denv, opts.dataDir));
  const seen = new Set<string>();
  return found.filter((c) => {
    const key = endpointKey(c.endpoint);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Puts the engine the user chose first: 'auto' keeps discovery order, 'embedded' moves Berth's own engine to the
 * front, and an endpoint URL moves the matching candidate (or a new one for an endpoint discovery did not find,
 * marked as coming from settings or the --engine flag). The rest stay as fallbacks, in order.
 */
export function resolvePreferred(
  preferred: string,
  candidates: EngineCandidate[],
  source: 'settings' | 'flag' = 'settings',
): EngineCandidate[] {
  const choice = preferred.trim();
  if (choice === '' || choice === 'auto') return [...candidates];
  const matches = (c: EngineCandidate) =>
    choice === 'embedded' ? c.embedded : endpointKey(c.endpoint) === endpointKey(endpointOf(choice));
  const chosen = candidates.find(matches);
  if (chosen) return [chosen, ...candidates.filter((c) => c !== chosen)];
  if (choice === 'embedded') return [...candidates];
  const endpoint = endpointOf(choice);
  const explicit: EngineCandidate = {
    id: `${source}:${endpoint}`,
    source,
    label: source === 'flag' ? `--engine ${endpoint}` : `Engine from settings (${endpoint})`,
    endpoint,
    embedded: false,
    ...(isPlainTcp(endpoint) ? { insecure: true } : {}),
  };
  return [explicit, ...candidates];
}

/** A bare absolute path is how people often write a socket; the Docker CLI wants unix://. */
function endpointOf(choice: string): string {
  return choice.startsWith('/') ? `unix://${choice}` : choice;
}

/** The real machine: process env, home, uid, and the file system. */
export function nodeDiscoveryEnv(): DiscoveryEnv {
  return {
    env: process.env,
    homeDir: homedir(),
    platform: process.platform,
    uid: process.getuid?.() ?? -1,
    async isSocket(path) {
      // stat, not lstat: Docker Desktop's /var/run/docker.sock is a symlink to the real socket.
      if (process.platform === 'win32') return stat(path).then(() => true, () => false);
      return stat(path).then((s) => s.isSocket(), () => false);
    },
    readFile: (path) => readFile(path, 'utf8').catch(() => undefined),
    readDir: (path) => readdir(path).catch(() => []),
  };
}
