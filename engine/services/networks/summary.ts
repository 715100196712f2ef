import type Dockerode from 'dockerode';
import type { NetworkAttachment, NetworkDetails, NetworkSummary } from '../../contract';
import { PREDEFINED } from '../common/network-prune';


/** GET /networks entries (dockerode's type lacks a few fields the engine sends). */
export interface EngineNetwork {
  Id: string;
  Name: string;
  Driver: string;
  Scope: string;
  Created?: string;
  EnableIPv6?: boolean;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  IPAM?: { Config?: { Subnet?: string; Gateway?: string; IPRange?: string }[] | null } | null;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
  Containers?: Record<string, { Name: string; IPv4Address?: string; IPv6Address?: string; MacAddress?: string }> | null;
}

const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const stripPrefix = (addr: string | undefined) => (addr ? addr.replace(/\/\d+$/, '') : undefined);

/** Network ID → the containers (any state) configured on it, from GET /containers/json. */
export function attachmentsByNetwork(containers: Dockerode.ContainerInfo[]): Map<string, NetworkAttachment[]> {
  const out = new Map<string, NetworkAttachment[]>();
  for (const c of containers) {
    const networks = c.NetworkSettings?.Networks ?? {};
    for (const ep of Object.values(networks)) {
      if (!ep.NetworkID) continue;
      const a: NetworkAttachment = {
        containerId: c.Id,
        containerName: (c.Names[0] ?? c.Id).replace(/^\//, ''),
        state: c.State,
        aliases: stringList(ep.Aliases as unknown).filter((alias) => !c.Id.startsWith(alias)),
      };
      if (ep.IPAddress) a.ipv4Address = ep.IPAddress;
      if (ep.GlobalIPv6Address) a.ipv6Address = ep.GlobalIPv6Address;
      if (ep.MacAddress) a.macAddress = ep.MacAddress;
      const list = out.get(ep.NetworkID) ?? [];
      list.push(a);
      out.set(ep.NetworkID, list);
    }
  }
  return out;
}

export function toNetworkSummary(n: EngineNetwork, attached: NetworkAttachment[] | undefined): NetworkSummary {
  const labels = n.Labels ?? {};
  const created = n.Created ? Date.parse(n.Created) : Number.NaN;
  // Swarm-scoped networks list containers of this node only through inspect; the containers list covers them.
  const containers = [...(attached ?? [])].sort((a, b) => a.containerName.localeCompare(b.containerName));
  const s: NetworkSummary = {
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    ipam: (n.IPAM?.Config ?? []).map((c) => ({
      ...(c.Subnet ? { subnet: c.Subnet } : {}),
      ...(c.Gateway ? { gateway: c.Gateway } : {}),
      ...(c.IPRange ? { ipRange: c.IPRange } : {}),
    })),
    internal: n.Internal ?? false,
    attachable: n.Attachable ?? false,
    ingress: n.Ingress ?? false,
    ipv6: n.EnableIPv6 ?? false,
    labels,
    containers,
    predefined: PREDEFINED.has(n.Name),
  };
  if (Number.isFinite(created)) s.created = created;
  const project = labels['com.docker.compose.project'];
  if (project) s.composeProject = project;
  return s;
}

export function toNetworkDetails(n: EngineNetwork, attached: NetworkAttachment[] | undefined): NetworkDetails {
  const summary = toNetworkSummary(n, attached);
  // Inspect knows the live endpoints (addresses of running containers); prefer its addresses.
  const live = n.Containers ?? {};
  summary.containers = summary.containers.map((a) => {
    const ep = live[a.containerId];
    if (!ep) return a;
    const ipv4 = stripPrefix(ep.IPv4Address);
    const ipv6 = stripPrefix(ep.IPv6Address);
    return { ...a, ...(ipv4 ? { ipv4Address: ipv4 } : {}), ...(ipv6 ? { ipv6Address: ipv6 } : {}) };
  });
  return { ...summary, options: n.Options ?? {}, raw: n };
}
