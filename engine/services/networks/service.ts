import type Dockerode from 'dockerode';
import {
  ErrorCode,
  type NetworkDetails,
  type NetworkPrunePreview,
  type NetworkPruneResult,
  type NetworkSummary,
} from '../../contract';
import { mapDockerError } from '../../docker/errors';
import type { DockerEvent } from '../../docker/events';
import { BerthError } from '../../base/errors';
import { LiveCollection, type LiveContext, type LiveEngine } from '../common/live-collection';
import { checkAddress, checkIpam } from './cidr';
import { PREDEFINED, pruneUnusedNetworks, unusedNetworks } from '../common/network-prune';
import { attachmentsByNetwork, toNetworkDetails, toNetworkSummary, type EngineNetwork } from './summary';

const NETWORK_ACTIONS = new Set(['create', 'destroy', 'remove', 'connect', 'disconnect', 'update']);

export interface CreateNetworkInput {
  name: string;
  driver: 'bridge' | 'overlay' | 'macvlan';
  subnet?: string | undefined;
  gateway?: string | undefined;
  ipRange?: string | undefined;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
}

/** networks.* and the live 'networks.changed' feed (key: network ID). */
export class NetworksService {
  readonly live: LiveCollection<'networks.changed'>;

  private readonly engine: LiveEngine;

  constructor(ctx: LiveContext) {
    this.engine = ctx.engine;
    this.live = new LiveCollection(ctx, {
      event: 'networks.changed',
      what: 'networks',
      keyOf: (n) => n.id,
      keysFor: (event, current, docker) => keysFor(event, current, docker),
      list: (docker) => listWith(docker),
      fetch: (docker, ids) => fetch(docker, ids),
    });
  }

  list(): Promise<NetworkSummary[]> {
    return this.live.list();
  }

  async inspect(id: string): Promise<NetworkDetails> {
    const docker = this.engine.docker();
    const raw = await inspectRaw(docker, id);
    const containers = await listContainers(docker, { network: [raw.Id] });
    const details = toNetworkDetails(raw, attachmentsByNetwork(containers).get(raw.Id));
    // The lists leave endpoint aliases out; each container's inspect has them (details show few containers).
    details.containers = await Promise.all(
      details.containers.map(async (a) => {
        const info = await docker.getContainer(a.containerId).inspect().catch(() => undefined);
        const aliases: unknown = info?.NetworkSettings.Networks[raw.Name]?.Aliases;
        const names = Array.isArray(aliases) ? aliases.filter((x): x is string => typeof x === 'string' && !a.containerId.startsWith(x)) : [];
        return { ...a, aliases: names };
      }),
    );
    return details;
  }

  async create(input: CreateNetworkInput): Promise<NetworkSummary> {
    checkIpam(input);
    const docker = this.engine.docker();
    if (input.driver === 'overlay') await requireSwarm(docker);
    const existing = await docker.listNetworks({ filters: { name: [input.name] } }).catch(() => []);
    if (existing.some((n) => n.Name === input.name)) {
      throw new BerthError(ErrorCode.CONFLICT, `A network named "${input.name}" already exists. Choose another name.`);
    }
    const ipamConfig = input.subnet
      ? [{ Subnet: input.subnet.trim(), ...(input.gateway ? { Gateway: input.gateway.trim() } : {}), ...(input.ipRange ? { IPRange: input.ipRange.trim() } : {}) }]
      : [];
    try {
      const network = await docker.createNetwork({
        Name: input.name,
        Driver: input.driver,
        CheckDuplicate: true,
        Internal: input.internal,
        Attachable: input.attachable,
        Labels: input.labels,
        Options: input.options,
        IPAM: { Driver: 'default', Config: ipamConfig },
      });
      return toNetworkSummary(await inspectRaw(docker, network.id), []);
    } catch (err) {
      const mapped = mapDockerError(err, { action: 'create', object: `network ${input.name}` });
      const said = (mapped.details as { engineMessage?: string } | undefined)?.engineMessage ?? '';
      if (/overlaps/i.test(said)) {
        throw new BerthError(
          ErrorCode.CONFLICT,
          `The subnet ${input.subnet ?? ''} overlaps a network that already exists. Choose another subnet, or leave it empty to let the engine pick one.`.replace('  ', ' '),
          mapped.details,
        );
      }
      throw mapped;
    }
  }

  async connect(input: { network: string; container: string; aliases?: string[] | undefined; ipv4Address?: string | undefined }): Promise<void> {
    if (input.ipv4Address) checkAddress(input.ipv4Address, 'ipv4Address');
    const docker = this.engine.docker();
    try {
      await docker.getNetwork(input.network).connect({
        Container: input.container,
        EndpointConfig: {
          ...(input.aliases?.length ? { Aliases: input.aliases } : {}),
          ...(input.ipv4Address ? { IPAMConfig: { IPv4Address: input.ipv4Address.trim() } } : {}),
        },
      });
    } catch (err) {
      const mapped = mapDockerError(err, { action: 'connect', object: `container ${input.container} to network ${input.network}` });
      const said = (mapped.details as { engineMessage?: string } | undefined)?.engineMessage ?? '';
      if (/already exists in network|already attached/i.test(said)) {
        throw new BerthError(ErrorCode.CONFLICT, `Container ${input.container} is already connected to network ${input.network}.`, mapped.details);
      }
      if (/user specified IP address is supported only when connecting to networks with user configured subnets/i.test(said)) {
        throw new BerthError(ErrorCode.INVALID_ARGUMENT, `A fixed IP address needs a network created with a subnet; leave the address empty or use such a network.`, mapped.details);
      }
      throw mapped;
    }
    this.live.refresh([await this.idOf(input.network)]);
  }

  async disconnect(input: { network: string; container: string; force?: boolean | undefined }): Promise<void> {
    const docker = this.engine.docker();
    try {
      await docker.getNetwork(input.network).disconnect({ Container: input.container, Force: input.force ?? false });
    } catch (err) {
      throw mapDockerError(err, { action: 'disconnect', object: `container ${input.container} from network ${input.network}` });
    }
    this.live.refresh([await this.idOf(input.network)]);
  }

  async remove(id: string): Promise<void> {
    const docker = this.engine.docker();
    const raw = await inspectRaw(docker, id);
    if (PREDEFINED.has(raw.Name)) {
      throw new BerthError(
        ErrorCode.INVALID_ARGUMENT,
        `"${raw.Name}" is one of the engine's predefined networks (bridge, host, none); it cannot be removed.`,
      );
    }
    const attached = Object.values(raw.Containers ?? {}).map((c) => c.Name);
    if (attached.length > 0) {
      throw new BerthError(
        ErrorCode.CONFLICT,
        `Network ${raw.Name} has ${attached.length === 1 ? 'a container' : 'containers'} attached: ${attached.sort().join(', ')}. Disconnect or stop ${attached.length === 1 ? 'it' : 'them'} first.`,
        { attached },
      );
    }
    try {
      await docker.getNetwork(raw.Id).remove();
    } catch (err) {
      throw mapDockerError(err, { action: 'remove', object: `network ${raw.Name}` });
    }
  }

  /** What the engine's network prune removes: non-predefined local networks no running container uses. */
  prunePreview(): Promise<NetworkPrunePreview> {
    return unusedNetworks(this.engine.docker());
  }

  prune(): Promise<NetworkPruneResult> {
    return pruneUnusedNetworks(this.engine.docker());
  }

  dispose(): void {
    this.live.dispose();
  }

  private async idOf(ref: string): Promise<string> {
    const known = [...this.live.current.values()].find((n) => n.id === ref || n.name === ref || n.id.startsWith(ref));
    return known?.id ?? (await inspectRaw(this.engine.docker(), ref)).Id;
  }
}

async function requireSwarm(docker: Dockerode): Promise<void> {
  const info = (await docker.info().catch((err: unknown) => {
    throw mapDockerError(err, { action: 'read', object: 'engine info' });
  })) as { Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } };
  if (info.Swarm?.LocalNodeState !== 'active' || !info.Swarm.ControlAvailable) {
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      'Overlay networks need swarm mode on a manager node; this engine is not a swarm manager. Initialise a swarm (docker swarm init) or choose the bridge driver.',
      { swarm: info.Swarm?.LocalNodeState ?? 'inactive' },
    );
  }
}

async function inspectRaw(docker: Dockerode, id: string): Promise<EngineNetwork> {
  try {
    const raw: unknown = await docker.getNetwork(id).inspect();
    return raw as EngineNetwork;
  } catch (err) {
    throw mapDockerError(err, { object: `network ${id}` });
  }
}

async function listContainers(docker: Dockerode, filters: Record<string, string[]>): Promise<Dockerode.ContainerInfo[]> {
  try {
    return await docker.listContainers({ all: true, filters });
  } catch (err) {
    throw mapDockerError(err, { action: 'list', object: 'containers' });
  }
}

async function listWith(docker: Dockerode): Promise<NetworkSummary[]> {
  try {
    const [networks, containers] = await Promise.all([
      docker.listNetworks() as Promise<EngineNetwork[]>,
      docker.listContainers({ all: true }),
    ]);
    const attached = attachmentsByNetwork(containers);
    return networks.map((n) => toNetworkSummary(n, attached.get(n.Id)));
  } catch (err) {
    throw mapDockerError(err, { action: 'list', object: 'networks' });
  }
}

async function fetch(docker: Dockerode, ids: string[]): Promise<NetworkSummary[]> {
  const [networks, containers] = await Promise.all([
    docker.listNetworks({ filters: { id: ids } }) as Promise<EngineNetwork[]>,
    docker.listContainers({ all: true, filters: { network: ids } }),
  ]);
  const attached = attachmentsByNetwork(containers);
  // The id filter matches prefixes; keep exact matches only.
  return networks.filter((n) => ids.includes(n.Id)).map((n) => toNetworkSummary(n, attached.get(n.Id)));
}

/** Network events name the network; a container's create/destroy/start/die changes its attachments. */
async function keysFor(event: DockerEvent, current: ReadonlyMap<string, NetworkSummary>, docker: Dockerode): Promise<string[]> {
  if (event.type === 'network' && NETWORK_ACTIONS.has(event.action)) return [event.id];
  if (event.type !== 'container') return [];
  if (event.action === 'destroy' || event.action === 'die' || event.action === 'rename') {
    return [...current.values()].filter((n) => n.containers.some((c) => c.containerId === event.id)).map((n) => n.id);
  }
  if (event.action === 'create' || event.action === 'start') {
    const info = await docker.getContainer(event.id).inspect();
    return Object.values(info.NetworkSettings.Networks).map((ep) => ep.NetworkID).filter((id) => id);
  }
  return [];
}
