import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClusterMechanism } from '../../contract';

/** What Berth remembers about one node, enough to find, restart and remove it after a Berth restart. */
export interface StoredNode {
  /** 1-based position; node1 is the first manager. */
  index: number;
  name: string;
  hostname: string;
  role: 'manager' | 'worker';
  /** Address on the cluster network (no prefix). */
  address: string;
  /** unix:///... (netns) or tcp://127.0.0.1:PORT (dind). */
  endpoint: string;
  /** netns: the node's folder, namespace and host veth. */
  dir?: string;
  netns?: string;
  veth?: string;
  bip?: string;
  /** dind: the node's container and its client TLS files. */
  container?: string;
  certDir?: string;
  nodeId?: string;
}

/** `<data-dir>/cluster/cluster.json`: lets the next Berth recognise the cluster it (or another Berth) created. */
export interface ClusterState {
  /** Short random id used in every host-visible name (bridge, namespaces, veths, containers). */
  id: string;
  name: string;
  mechanism: ClusterMechanism;
  createdAt: number;
  /** netns: the host bridge and the chain the forwarding rule went into. */
  bridge?: { name: string; cidr: string };
  chain?: string;
  /** dind: the engine the containers run on, their network and image. */
  hostEndpoint?: string;
  network?: string;
  image?: string;
  nodes: StoredNode[];
  swarmId?: string;
  /** The engine preference Berth used before `cluster.connect {to:'manager'}`. */
  previousEngine?: string;
}

export const clusterDir = (dataDir: string): string => join(dataDir, 'cluster');
const stateFile = (dataDir: string) => join(clusterDir(dataDir), 'cluster.json');

export async function readState(dataDir: string): Promise<ClusterState | undefined> {
  const text = await readFile(stateFile(dataDir), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as ClusterState;
  } catch {
    throw new Error(
      `${stateFile(dataDir)} is not valid JSON; remove it after removing the cluster's nodes by hand.`,
    );
  }
}

/** Written atomically (temp file + rename) after every step, so a crash mid-create still knows what exists. */
export async function writeState(dataDir: string, state: ClusterState): Promise<void> {
  await mkdir(clusterDir(dataDir), { recursive: true, mode: 0o700 });
  const tmp = `${stateFile(dataDir)}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, stateFile(dataDir));
}
