import { stat, statfs } from 'node:fs/promises';
import type Dockerode from 'dockerode';
import type { EngineCandidate, SystemInfo } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import type { DataRootFacts, EngineFacts } from './checks';

/** Host-side reads, injectable so the "remote" and "unreadable" paths are unit-tested. */
export interface HostFs {
  platform: NodeJS.Platform;
  /** Device id of the filesystem holding `path`. */
  device(path: string): Promise<number>;
  space(path: string): Promise<{ freeBytes: number; totalBytes: number }>;
}

export const nodeHostFs: HostFs = {
  platform: process.platform,
  device: async (path) => (await stat(path)).dev,
  space: async (path) => {
    const s = await statfs(path);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  },
};

/**
 * Whether the engine's files are on this machine's filesystems: a Unix socket on Linux that is not Docker
 * Desktop's VM. tcp://, ssh:// and VM-backed engines keep their data root on another machine.
 */
export function isLocalEngine(endpoint: string, info: Pick<SystemInfo, 'os'>, platform: NodeJS.Platform): boolean {
  return endpoint.startsWith('unix://') && platform === 'linux' && !/docker desktop/i.test(info.os);
}

async function readDataRoot(
  fs: HostFs,
  dataRoot: string,
): Promise<{ facts: DataRootFacts } | { reason: string }> {
  try {
    const [dev, rootDev] = await Promise.all([fs.device(dataRoot), fs.device('/')]);
    const space = await fs.space(dataRoot).catch(() => undefined);
    return { facts: { sameFilesystemAsRoot: dev === rootDev, ...space } };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'an error';
    return { reason: `Berth could not read ${dataRoot} on this machine (${code}); it may belong to another user.` };
  }
}

/** The default bridge's ICC option; undefined when there is no default bridge (Podman, Windows). */
async function readIcc(docker: Dockerode): Promise<boolean | undefined> {
  try {
    const net = (await docker.getNetwork('bridge').inspect()) as { Options?: Record<string, string> | null };
    const v = net.Options?.['com.docker.network.bridge.enable_icc'];
    return v === undefined ? true : v !== 'false';
  } catch (err) {
    const mapped = mapDockerError(err, { object: 'the default bridge network', action: 'inspect' });
    if (mapped.code === 'NOT_FOUND') return undefined;
    throw mapped;
  }
}

export async function gatherFacts(
  docker: Dockerode,
  connection: Pick<EngineCandidate, 'endpoint' | 'tls'>,
  info: SystemInfo,
  fs: HostFs = nodeHostFs,
): Promise<EngineFacts & { local: boolean }> {
  const local = isLocalEngine(connection.endpoint, info, fs.platform);
  const icc = await readIcc(docker);
  const facts: EngineFacts & { local: boolean } = { local, connection, info, ...(icc !== undefined ? { icc } : {}) };
  if (!local) {
    facts.dataRootUnknownReason =
      `The engine is not on this machine (${connection.endpoint.split('://')[0]}://${/docker desktop/i.test(info.os) ? ', Docker Desktop VM' : ''}), ` +
      'so Berth cannot see its disks. Check on the engine host that the data root is its own partition.';
  } else if (!info.dataRoot) {
    facts.dataRootUnknownReason = 'The engine does not report its data root.';
  } else {
    const r = await readDataRoot(fs, info.dataRoot);
    if ('facts' in r) facts.dataRoot = r.facts;
    else facts.dataRootUnknownReason = r.reason;
  }
  return facts;
}
