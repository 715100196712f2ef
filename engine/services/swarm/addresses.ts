import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { SwarmAddressCandidate } from '../../contract';

/** Interfaces that are never what other machines reach this one through (container bridges, veths). */
const VIRTUAL = /^(docker\d*|br-|veth|virbr|cni|flannel|cali|vxlan|docker_gwbridge|lo$)/;

/**
 * The addresses this engine could advertise to other nodes. A local engine (unix socket, named pipe) runs on
 * this machine, so its interfaces are the candidates (the first physical IPv4 one preferred); a remote engine
 * is reached at its endpoint's host, which is the one to advertise.
 */
export function addressCandidates(
  endpoint: string | undefined,
  nodeAddr: string | undefined,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): SwarmAddressCandidate[] {
  const out: SwarmAddressCandidate[] = [];
  const add = (address: string, source: string) => {
    if (!out.some((c) => c.address === address)) out.push({ address, source, preferred: false });
  };
  const remoteHost = hostOf(endpoint);
  if (remoteHost) add(remoteHost, 'engine host');
  if (nodeAddr) add(nodeAddr, 'current swarm address');
  if (!remoteHost) {
    const rows = Object.entries(interfaces).flatMap(([name, addrs]) =>
      (addrs ?? []).filter((a) => a.family === 'IPv4').map((a) => ({ name, a })),
    );
    const rank = (r: { name: string; a: NetworkInterfaceInfo }) => (r.a.internal ? 2 : VIRTUAL.test(r.name) ? 1 : 0);
    for (const r of [...rows].sort((x, y) => rank(x) - rank(y))) add(r.a.address, r.name);
  }
  const first = out[0];
  if (first) first.preferred = true;
  return out;
}

/** The host of a tcp://, ssh:// or http(s):// endpoint; undefined for local sockets and pipes. */
export function hostOf(endpoint: string | undefined): string | undefined {
  if (!endpoint || /^(unix|npipe):/.test(endpoint)) return undefined;
  try {
    const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
    return host && host !== 'localhost' && !host.startsWith('127.') ? host : undefined;
  } catch {
    return undefined;
  }
}
