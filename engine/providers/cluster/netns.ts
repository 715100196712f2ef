import { existsSync } from 'node:fs';
import { linkExists, run } from './host-net';

/** Where `ip netns` keeps its bind-mounted namespace files. */
export const NETNS_DIR = '/var/run/netns';

export const netnsPath = (name: string): string => `${NETNS_DIR}/${name}`;

export function namespaceExists(name: string): boolean {
  return existsSync(netnsPath(name));
}

export interface NodeLink {
  netns: string;
  /** The host end of the veth pair, enslaved to the bridge (≤ 15 characters). */
  veth: string;
  bridge: string;
  /** The node's address with prefix on the bridge's subnet, e.g. 10.203.17.2/24. */
  cidr: string;
}

/**
 * A network namespace wired to the bridge: a veth pair whose peer becomes the namespace's eth0 with the node's
 * address. No default route: the host does not NAT the cluster subnet, so a route out would only turn every
 * registry lookup a node makes (swarm pulls before each task) into a long timeout instead of an instant
 * "network unreachable"; the host (a registry on the bridge address) stays reachable on-link. Idempotent, so `cluster.start` after a reboot re-creates only
 * what is missing.
 */
export async function ensureNodeNetwork(link: NodeLink): Promise<void> {
  if (!namespaceExists(link.netns)) await run('ip', ['netns', 'add', link.netns]);
  await run('ip', ['-n', link.netns, 'link', 'set', 'lo', 'up']);
  const hasEth0 = await run('ip', ['-n', link.netns, 'link', 'show', 'dev', 'eth0']).then(
    () => true,
    () => false,
  );
  if (!hasEth0) {
    if (await linkExists(link.veth)) await run('ip', ['link', 'del', link.veth]);
    const peer = `${link.veth}p`;
    await run('ip', ['link', 'add', link.veth, 'type', 'veth', 'peer', 'name', peer]);
    await run('ip', ['link', 'set', peer, 'netns', link.netns]);
    await run('ip', ['-n', link.netns, 'link', 'set', peer, 'name', 'eth0']);
  }
  const addrs = await run('ip', ['-n', link.netns, '-4', '-o', 'addr', 'show', 'dev', 'eth0']);
  if (!addrs.includes(`inet ${link.cidr}`)) await run('ip', ['-n', link.netns, 'addr', 'add', link.cidr, 'dev', 'eth0']);
  await run('ip', ['-n', link.netns, 'link', 'set', 'eth0', 'up']);
  await run('ip', ['link', 'set', link.veth, 'master', link.bridge, 'up']);
}

/** Deleting the namespace deletes its eth0 and with it the host's veth end; the explicit delete covers a half-made pair. */
export async function deleteNodeNetwork(netns: string, veth: string): Promise<void> {
  if (namespaceExists(netns)) await run('ip', ['netns', 'del', netns]).catch(() => undefined);
  if (await linkExists(veth)) await run('ip', ['link', 'del', veth]).catch(() => undefined);
}

/**
 * A host dockerd sets the FORWARD policy to DROP, which also drops bridged traffic between the nodes when
 * br_netfilter is loaded; DOCKER-USER is the chain Docker leaves to the user, FORWARD when no host dockerd runs.
 */
export async function forwardChain(): Promise<'DOCKER-USER' | 'FORWARD'> {
  return run('iptables', ['-n', '-L', 'DOCKER-USER']).then(
    () => 'DOCKER-USER' as const,
    () => 'FORWARD' as const,
  );
}

const ruleOf = (bridge: string) => ['-i', bridge, '-o', bridge, '-j', 'ACCEPT'];

async function hasRule(chain: string, bridge: string): Promise<boolean> {
  return run('iptables', ['-C', chain, ...ruleOf(bridge)]).then(
    () => true,
    () => false,
  );
}

export async function ensureForwardRule(chain: string, bridge: string): Promise<void> {
  if (!(await hasRule(chain, bridge))) await run('iptables', ['-I', chain, ...ruleOf(bridge)]);
}

/** Removes every copy of the rule from both chains (a host dockerd may have appeared or gone since). */
export async function removeForwardRules(bridge: string): Promise<void> {
  for (const chain of ['DOCKER-USER', 'FORWARD']) {
    for (let i = 0; i < 10 && (await hasRule(chain, bridge)); i++) {
      await run('iptables', ['-D', chain, ...ruleOf(bridge)]);
    }
  }
}

/** Lists the rules mentioning a bridge (for verifying a clean destroy). */
export async function forwardRulesFor(bridge: string): Promise<string[]> {
  const out = await run('iptables', ['-S']).catch(() => '');
  return out.split('\n').filter((l) => l.includes(` ${bridge} `) || l.endsWith(` ${bridge}`));
}
