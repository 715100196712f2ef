import { createHash } from 'node:crypto';
import { posix, win32 } from 'node:path';
import type { EngineCandidate } from '../contract';

/**
 * Where Berth keeps its own data: BERTH_DATA_DIR wins everywhere; otherwise the platform's per-user
 * application-data folder (XDG on Linux), so the engine's images survive app updates.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, homeDir: string): string {
  if (env.BERTH_DATA_DIR) return env.BERTH_DATA_DIR;
  if (platform === 'win32') {
    return win32.join(env.APPDATA ?? win32.join(homeDir, 'AppData', 'Roaming'), 'Berth');
  }
  if (platform === 'darwin') return posix.join(homeDir, 'Library', 'Application Support', 'Berth');
  return posix.join(env.XDG_DATA_HOME || posix.join(homeDir, '.local', 'share'), 'berth');
}

/** Every path the embedded engine uses, derived only from the data dir so any process can find a running engine. */
export interface EngineLayout {
  engineDir: string;
  dataRoot: string;
  execRoot: string;
  /** Written by dockerd itself (--pidfile). */
  pidFile: string;
  /** Written by Berth: the launcher process (dockerd, or rootlesskit for rootless) and its process group. */
  launcherPidFile: string;
  logFile: string;
  socketPath: string;
}

/** sun_path is 108 bytes on Linux (104 on macOS); stay well below so dockerd never truncates it. */
export const MAX_SOCKET_PATH = 100;

export function engineLayout(dataDir: string, env: NodeJS.ProcessEnv, uid: number): EngineLayout {
  const engineDir = posix.join(dataDir, 'engine');
  return {
    engineDir,
    dataRoot: posix.join(engineDir, 'data-root'),
    execRoot: posix.join(engineDir, 'exec-root'),
    pidFile: posix.join(engineDir, 'dockerd.pid'),
    launcherPidFile: posix.join(engineDir, 'launcher.pid'),
    logFile: posix.join(engineDir, 'dockerd.log'),
    socketPath: socketPathFor(engineDir, env, uid),
  };
}

function socketPathFor(engineDir: string, env: NodeJS.ProcessEnv, uid: number): string {
  const preferred = posix.join(engineDir, 'docker.sock');
  if (Buffer.byteLength(preferred) < MAX_SOCKET_PATH) return preferred;
  // A deep data dir: put the socket in a short per-user runtime dir, named after the data dir so two
  // Berth data dirs never share a socket and the path stays the same across restarts.
  const tag = createHash('sha256').update(engineDir).digest('hex').slice(0, 12);
  return posix.join(shortRuntimeDir(env, uid), `docker-${tag}.sock`);
}

/** A short, per-user directory (created 0700 by the launcher) for sockets whose natural path is too long. */
export function shortRuntimeDir(env: NodeJS.ProcessEnv, uid: number): string {
  const xdg = env.XDG_RUNTIME_DIR;
  if (xdg && Buffer.byteLength(xdg) < 50) return posix.join(xdg, 'berth');
  return `/tmp/berth-${uid}`;
}

/** The candidate for Berth's own engine on a socket; one definition so discovery and the launcher agree. */
export function embeddedCandidateOf(socketPath: string, rootless: boolean): EngineCandidate {
  return {
    id: 'embedded',
    source: 'embedded',
    label: `Embedded engine (${rootless ? 'rootless' : 'rootful'})`,
    endpoint: `unix://${socketPath}`,
    embedded: true,
    rootless,
  };
}
