import type Dockerode from 'dockerode';
import { ErrorCode } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';
import { LABEL, resourceLabels } from '../labels';
import type { ComposeProject, NetworkConfig, VolumeConfig } from '../model';
import { engineCall, progressLine, type ApplyContext } from './context';
import { text } from './units';

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringMap = (v: unknown): Record<string, string> =>
  isMapping(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, text(x)])) : {};

async function exists(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if (mapDockerError(err).code === ErrorCode.NOT_FOUND) return false;
    throw err;
  }
}

function ipam(cfg: NetworkConfig): Dockerode.IPAM | undefined {
  if (!isMapping(cfg.ipam)) return undefined;
  const configs = Array.isArray(cfg.ipam.config) ? cfg.ipam.config.filter(isMapping) : [];
  return {
    Driver: typeof cfg.ipam.driver === 'string' ? cfg.ipam.driver : 'default',
    Config: configs.map((c) => ({
      ...(c.subnet ? { Subnet: text(c.subnet) } : {}),
      ...(c.ip_range ? { IPRange: text(c.ip_range) } : {}),
      ...(c.gateway ? { Gateway: text(c.gateway) } : {}),
      ...(isMapping(c.aux_addresses) ? { AuxiliaryAddresses: stringMap(c.aux_addresses) } : {}),
    })),
    Options: stringMap(cfg.ipam.options),
  };
}

async function ensureNetwork(ctx: ApplyContext, project: ComposeProject, key: string, cfg: NetworkConfig): Promise<void> {
  const net = ctx.docker.getNetwork(cfg.name);
  const found = await engineCall('inspect', `network ${cfg.name}`, () => exists(() => net.inspect()));
  if (found) return;
  if (cfg.external) {
    throw new BerthError(
      ErrorCode.NOT_FOUND,
      `Network "${cfg.name}" is declared as external but does not exist. Create it first (docker network create ${cfg.name}) or remove "external: true".`,
      { network: cfg.name },
    );
  }
  ctx.log(progressLine('Network', cfg.name, 'Creating'));
  try {
    await ctx.docker.createNetwork({
      Name: cfg.name,
      CheckDuplicate: true,
      Driver: cfg.driver ?? 'bridge',
      Options: stringMap(cfg.driver_opts),
      Labels: resourceLabels('network', project.name, key, ctx.berthVersion, cfg.labels),
      ...(cfg.internal === true ? { Internal: true } : {}),
      ...(cfg.attachable === true ? { Attachable: true } : {}),
      ...(cfg.enable_ipv6 === true ? { EnableIPv6: true } : {}),
      ...(ipam(cfg) ? { IPAM: ipam(cfg) } : {}),
    });
  } catch (err) {
    const mapped = mapDockerError(err, { action: 'create', object: `network ${cfg.name}` });
    // Another `up` of the same project created it a moment ago: that is the network we wanted.
    if (mapped.code !== ErrorCode.CONFLICT) throw mapped;
  }
  ctx.log(progressLine('Network', cfg.name, 'Created'));
}

async function ensureVolume(ctx: ApplyContext, project: ComposeProject, key: string, cfg: VolumeConfig): Promise<void> {
  const found = await engineCall('inspect', `volume ${cfg.name}`, () => exists(() => ctx.docker.getVolume(cfg.name).inspect()));
  if (found) return;
  if (cfg.external) {
    throw new BerthError(
      ErrorCode.NOT_FOUND,
      `Volume "${cfg.name}" is declared as external but does not exist. Create it first (docker volume create ${cfg.name}) or remove "external: true".`,
      { volume: cfg.name },
    );
  }
  ctx.log(progressLine('Volume', cfg.name, 'Creating'));
  await engineCall('create', `volume ${cfg.name}`, () =>
    ctx.docker.createVolume({
      Name: cfg.name,
      Driver: cfg.driver ?? 'local',
      DriverOpts: stringMap(cfg.driver_opts),
      Labels: resourceLabels('volume', project.name, key, ctx.berthVersion, cfg.labels),
    }),
  );
  ctx.log(progressLine('Volume', cfg.name, 'Created'));
}

/** Creates the project's networks and volumes that do not exist yet; external ones must exist. */
export async function ensureResources(ctx: ApplyContext, project: ComposeProject, services: string[]): Promise<void> {
  const usedNetworks = new Set(services.flatMap((s) => Object.keys(project.services[s]?.networks ?? {})));
  const networks = Object.entries(project.networks).filter(([key, cfg]) => usedNetworks.has(key) || cfg.external !== true);
  await Promise.all(networks.map(([key, cfg]) => ensureNetwork(ctx, project, key, cfg)));
  await Promise.all(Object.entries(project.volumes).map(([key, cfg]) => ensureVolume(ctx, project, key, cfg)));
}

/** Removes the project's networks (found by label, so networks the CLI created go too); external ones stay. */
export async function removeNetworks(ctx: ApplyContext, project: string, keep: Set<string> = new Set()): Promise<void> {
  const nets = await engineCall('list', 'networks', () => ctx.docker.listNetworks({ filters: { label: [`${LABEL.project}=${project}`] } }));
  for (const n of nets.sort((a, b) => a.Name.localeCompare(b.Name))) {
    if (keep.has(n.Name)) continue;
    ctx.log(progressLine('Network', n.Name, 'Removing'));
    try {
      await ctx.docker.getNetwork(n.Id).remove();
    } catch (err) {
      const mapped = mapDockerError(err, { action: 'remove', object: `network ${n.Name}` });
      if (mapped.code !== ErrorCode.NOT_FOUND) throw mapped;
    }
    ctx.log(progressLine('Network', n.Name, 'Removed'));
  }
}

/** Removes the project's named volumes (by label): the data in them is gone. External volumes carry no label. */
export async function removeVolumes(ctx: ApplyContext, project: string): Promise<void> {
  const res = await engineCall('list', 'volumes', () => ctx.docker.listVolumes({ filters: { label: [`${LABEL.project}=${project}`] } }));
  for (const v of (res.Volumes ?? []).sort((a, b) => a.Name.localeCompare(b.Name))) {
    ctx.log(progressLine('Volume', v.Name, 'Removing'));
    try {
      await ctx.docker.getVolume(v.Name).remove();
    } catch (err) {
      const mapped = mapDockerError(err, { action: 'remove', object: `volume ${v.Name}` });
      if (mapped.code !== ErrorCode.NOT_FOUND) throw mapped;
    }
    ctx.log(progressLine('Volume', v.Name, 'Removed'));
  }
}
