import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import type { ClusterMechanismInfo } from '../../contract';
import { findExecutable } from '../../providers/embedded-launch';
import { bringUpBridge, createBridge, deleteLink, linkExists } from '../../providers/cluster/host-net';
import { hostAddress } from '../../providers/cluster/ipv4';
import {
  deleteNodeNetwork,
  ensureForwardRule,
  ensureNodeNetwork,
  forwardChain,
  forwardRulesFor,
  namespaceExists,
  removeForwardRules,
} from '../../providers/cluster/netns';
import {
  netnsEngineState,
  nodeLayout,
  startNetnsEngine,
  stopNetnsEngine,
} from '../../providers/cluster/netns-engine';
import { mountsUnder, processesUnder } from '../../providers/cluster/processes';
import { nodeNames, type Mechanism } from './mechanism';
import { clusterDir, type ClusterState, type StoredNode } from './state';

/** Linux as root: each node is a dockerd of Berth's in its own network and UTS namespace on a host bridge. */
export async function netnsAvailability(): Promise<ClusterMechanismInfo> {
  const info = { mechanism: 'netns' as const };
  if (process.platform !== 'linux')
    return { ...info, usable: false, reason: 'Network namespaces exist only on Linux.' };
  if (process.getuid?.() !== 0)
    return {
      ...info,
      usable: false,
      reason:
        'Needs root (network namespaces, bridges, iptables); run Berth as root or use docker-in-docker.',
    };
  const missing: string[] = [];
  for (const [bin, pkg] of [
    ['dockerd', 'docker.io'],
    ['ip', 'iproute2'],
    ['iptables', 'iptables'],
    ['nsenter', 'util-linux'],
    ['unshare', 'util-linux'],
  ] as const) {
    if (!(await findExecutable(bin, process.env))) missing.push(`${bin} (${pkg})`);
  }
  if (missing.length)
    return { ...info, usable: false, reason: `Missing on this machine: ${missing.join(', ')}.` };
  return { ...info, usable: true };
}

export function netnsMechanism(dataDir: string): Mechanism {
  const bridgeOf = (state: ClusterState) => {
    if (!state.bridge) throw new Error('The cluster state names no bridge; it was not created completely.');
    return state.bridge;
  };
  const client = (node: StoredNode) =>
    new Dockerode({ socketPath: nodeLayout(netnsParts(node).dir).socketPath });
  return {
    kind: 'netns',
    async prepare(state) {
      state.bridge ??= await createBridge('bcl');
      await bringUpBridge(state.bridge);
      state.chain = await forwardChain();
      await ensureForwardRule(state.chain, state.bridge.name);
    },
    planNodes(state, count, managers) {
      const subnet = bridgeOf(state).cidr.replace(/\.\d+\/24$/, '.0/24');
      return nodeNames(count, managers).map((n) => {
        const dir = join(clusterDir(dataDir), `node${n.index}`);
        return {
          ...n,
          address: hostAddress(subnet, n.index + 1),
          endpoint: `unix://${nodeLayout(dir).socketPath}`,
          dir,
          netns: `berth-${state.id}-node${n.index}`,
          veth: `bc${state.id}n${n.index}`,
          bip: `172.30.${n.index}.1/24`,
        };
      });
    },
    async startNode(state, node) {
      const bridge = bridgeOf(state);
      const { dir, netns, veth, bip } = netnsParts(node);
      // After a reboot nothing of the network exists any more: re-create it with the same names and addresses.
      await bringUpBridge(bridge);
      await ensureForwardRule(state.chain ?? (await forwardChain()), bridge.name);
      await ensureNodeNetwork({ netns, veth, bridge: bridge.name, cidr: `${node.address}/24` });
      await startNetnsEngine({ dir, netns, hostname: node.hostname, bip });
    },
    async nodeState(_state, node) {
      const s = await netnsEngineState(netnsParts(node).dir);
      return s.state === 'running' ? { running: true, pid: s.pid } : { running: false };
    },
    client,
    async removeNode(_state, node) {
      const { dir, netns, veth } = netnsParts(node);
      // Everything is about to go: kill the containers first, or dockerd spends its stop timeout on each of them.
      await killContainers(client(node)).catch(() => undefined);
      await stopNetnsEngine(dir);
      await deleteNodeNetwork(netns, veth);
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    },
    async removeShared(state) {
      if (!state.bridge) return;
      await removeForwardRules(state.bridge.name);
      await deleteLink(state.bridge.name);
    },
    async leftovers(state) {
      const left: string[] = [];
      for (const node of state.nodes) {
        const { dir, netns, veth } = netnsParts(node);
        const pids = await processesUnder(dir);
        if (pids.length) left.push(`${node.name}: processes ${pids.join(', ')}`);
        if ((await mountsUnder(dir)).length) left.push(`${node.name}: mounts under ${dir}`);
        if (namespaceExists(netns)) left.push(`network namespace ${netns}`);
        if (await linkExists(veth)) left.push(`link ${veth}`);
      }
      if (state.bridge) {
        if (await linkExists(state.bridge.name)) left.push(`bridge ${state.bridge.name}`);
        for (const rule of await forwardRulesFor(state.bridge.name)) left.push(`iptables rule: ${rule}`);
      }
      return left;
    },
  };
}

function netnsParts(node: StoredNode): { dir: string; netns: string; veth: string; bip: string } {
  const { dir, netns, veth, bip } = node;
  if (!dir || !netns || !veth || !bip)
    throw new Error(`The cluster state lacks ${node.name}'s folder or network names.`);
  return { dir, netns, veth, bip };
}

async function killContainers(docker: Dockerode): Promise<void> {
  const running = await docker.listContainers();
  await Promise.all(
    running.map((c) =>
      docker
        .getContainer(c.Id)
        .kill()
        .catch(() => undefined),
    ),
  );
}
