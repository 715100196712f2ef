import { randomBytes } from 'node:crypto';
import type Dockerode from 'dockerode';
import { ErrorCode, type ContainerChanges, type ContainerRecreated } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';
import type { DockerAccess } from './create';
import { mapCreateError, mapStartError } from './create-errors';
import { checkHostPorts, imageConfigFor, moveToImage } from './recreate-checks';
import { changedFields, envList, mountConfig, portConfig, restartConfig } from './spec';
import { specFromInspect } from './spec-from-inspect';

// Edit after create (Kitematic's way): the engine cannot change most settings of an existing container, so
// Berth makes a new one with the old one's full config plus the change, under the same name, and keeps the
// old one aside until the new one runs — on any failure the old one comes back as it was.

type Bindings = Parameters<typeof moveToImage>[3];
type EndpointSettings = Dockerode.ContainerInspectInfo['NetworkSettings']['Networks'][string];

const DEFAULT_NETWORKS = new Set(['default', 'bridge', 'host', 'none']);

/**
 * The create body for the new container: the old config as the engine reports it, with `changes` applied.
 * `oldImage` (the config of the image the container runs) is needed when the change moves it to another image.
 */
export function recreateOptions(
  info: Dockerode.ContainerInspectInfo,
  image: string,
  changes: ContainerChanges,
  oldImage: Parameters<typeof moveToImage>[1] = {},
): Dockerode.ContainerCreateOptions {
  const config: Dockerode.ContainerCreateOptions = structuredClone(info.Config);
  const host = structuredClone(info.HostConfig);
  // The engine set these from the old container's ID; the new one gets its own.
  if (config.Hostname === info.Id.slice(0, 12)) delete config.Hostname;
  config.Image = image;
  if (changes.image !== undefined) moveToImage(config, oldImage, changes.image, host.PortBindings as Bindings);
  // An empty command means "the image's default".
  if (changes.command !== undefined) {
    if (changes.command.length > 0) config.Cmd = changes.command;
    else delete config.Cmd;
  }
  if (changes.env) config.Env = envList(changes.env);
  if (changes.ports) {
    const { exposed, bindings } = portConfig(changes.ports);
    config.ExposedPorts = { ...exposed };
    host.PortBindings = bindings;
  }
  // Every mount as an explicit Mount, anonymous volumes by name: the new container gets the same data, not
  // fresh empty volumes (which is what re-applying the image's VOLUMEs or `-v /path` binds would give).
  const spec = specFromInspect(info, {}, { purpose: 'edit' });
  const volumes = changes.volumes ?? spec.volumes;
  const { mounts, anonymous } = mountConfig(volumes);
  host.Mounts = mounts;
  delete host.Binds;
  host.Tmpfs = {};
  config.Volumes = anonymous;
  if (changes.restartPolicy) host.RestartPolicy = restartConfig(changes.restartPolicy);
  if (changes.cpus !== undefined) host.NanoCpus = Math.round(changes.cpus * 1e9);
  if (changes.memory !== undefined) host.Memory = changes.memory;
  if (changes.pidsLimit !== undefined) host.PidsLimit = changes.pidsLimit;
  applyHardening(host, changes);
  const primary = host.NetworkMode ?? 'default';
  const endpoint = info.NetworkSettings.Networks[primary];
  return {
    ...config,
    HostConfig: host,
    ...(endpoint && !DEFAULT_NETWORKS.has(primary)
      ? { NetworkingConfig: { EndpointsConfig: { [primary]: endpointConfig(endpoint, info.Id) } } }
      : {}),
  };
}

/** The security lens's fixes: no-new-privileges, a read-only root, added capabilities taken back. */
function applyHardening(host: Dockerode.HostConfig, changes: ContainerChanges): void {
  if (changes.noNewPrivileges !== undefined) {
    const others = ((host.SecurityOpt as string[] | undefined) ?? []).filter((o) => !/^no-new-privileges(?:[:=].*)?$/i.test(o));
    host.SecurityOpt = changes.noNewPrivileges ? [...others, 'no-new-privileges'] : others;
  }
  if (changes.readOnlyRootfs !== undefined) host.ReadonlyRootfs = changes.readOnlyRootfs;
  if (changes.dropAddedCapabilities?.length) {
    const short = (c: string) => c.toUpperCase().replace(/^CAP_/, '');
    const drop = new Set(changes.dropAddedCapabilities.map(short));
    host.CapAdd = ((host.CapAdd as string[] | undefined) ?? []).filter((c) => !drop.has(short(c)));
  }
}

/** What to keep of a network attachment: aliases (not the old ID's) and a fixed address, not runtime state. */
function endpointConfig(e: EndpointSettings, oldId: string): Record<string, unknown> {
  const aliases = ((e.Aliases as string[] | null) ?? []).filter((a) => !oldId.startsWith(a));
  return {
    ...(aliases.length ? { Aliases: aliases } : {}),
    ...(e.IPAMConfig ? { IPAMConfig: e.IPAMConfig as unknown } : {}),
  };
}

export async function recreateContainer(
  engine: DockerAccess,
  id: string,
  changes: ContainerChanges,
): Promise<ContainerRecreated> {
  const docker = engine.docker();
  const fail = (action: string) => (err: unknown) => {
    throw mapDockerError(err, { action, object: `container ${id}` });
  };
  const info = await docker.getContainer(id).inspect().catch(fail('inspect'));
  // By ID from here on: the name moves to the new container.
  const old = docker.getContainer(info.Id);
  const name = info.Name.replace(/^\//, '');
  if (info.HostConfig.AutoRemove) {
    throw new BerthError(
      ErrorCode.CONFLICT,
      `${name} removes itself when it stops, so it cannot be stopped and kept aside while Berth recreates it. Run a new container with the new settings instead.`,
    );
  }
  // Keep running exactly what it ran: if the tag now points at another image, use the old image by ID.
  const byTag = await docker
    .getImage(info.Config.Image)
    .inspect()
    .catch(() => undefined);
  const image = byTag?.Id === info.Image ? info.Config.Image : info.Image;
  // Everything that can be checked is checked before the container is stopped: a new image must be here, and
  // the host ports must not be another container's.
  // (When the old image is gone, its defaults cannot be told apart: the container's own config is kept whole.)
  const oldImage = changes.image !== undefined ? await imageConfigFor(docker, info.Image).catch(() => ({})) : {};
  if (changes.image !== undefined) await imageConfigFor(docker, changes.image);
  const options = recreateOptions(info, image, changes, oldImage);
  await checkHostPorts(docker, info.Id, options.HostConfig?.PortBindings as Bindings);
  const wasRunning = info.State.Running || info.State.Paused;
  const asideName = `${name}-berth-old-${randomBytes(3).toString('hex')}`;

  if (wasRunning) await old.stop().catch(notModifiedIsFine).catch(fail('stop'));
  await old.rename({ name: asideName }).catch(async (err: unknown) => {
    if (wasRunning) await old.start().catch(() => undefined);
    fail('rename')(err);
  });

  let created: Dockerode.Container | undefined;
  try {
    created = await docker.createContainer({ ...options, name }).catch((err: unknown) => {
      throw mapCreateError(err, { image, name });
    });
    for (const [net, endpoint] of Object.entries(info.NetworkSettings.Networks)) {
      if (net === (info.HostConfig.NetworkMode ?? 'default') || DEFAULT_NETWORKS.has(net)) continue;
      await docker
        .getNetwork(endpoint.NetworkID || net)
        .connect({ Container: created.id, EndpointConfig: endpointConfig(endpoint, info.Id) })
        .catch(fail(`connect it to network ${net}`));
    }
    if (wasRunning) await created.start().catch((err: unknown) => Promise.reject(mapStartError(err, name)));
  } catch (err) {
    await rollBack(old, created, name, wasRunning);
    const reason = err instanceof BerthError ? err : mapDockerError(err);
    throw new BerthError(
      reason.code,
      `${name} was not changed: ${reason.message} The container is back as it was.`,
      reason.details,
    );
  }
  // Only now is the old container expendable; its named and anonymous volumes stay (the new one uses them).
  await old.remove({ v: false, force: true }).catch((err: unknown) => {
    console.warn(
      `[berth] recreate: could not remove ${asideName}:`,
      err instanceof Error ? err.message : err,
    );
  });
  return { id: created.id, name, changed: changedFields(changes), restarted: wasRunning };
}

async function rollBack(
  old: Dockerode.Container,
  created: Dockerode.Container | undefined,
  name: string,
  wasRunning: boolean,
): Promise<void> {
  if (created) await created.remove({ force: true }).catch(() => undefined);
  await old.rename({ name }).catch((err: unknown) => {
    console.warn(
      `[berth] recreate rollback: could not rename back to ${name}:`,
      err instanceof Error ? err.message : err,
    );
  });
  if (wasRunning)
    await old
      .start()
      .catch(notModifiedIsFine)
      .catch(() => undefined);
}

/** Stopping a stopped container (or starting a started one) answers 304: that is the state we wanted. */
function notModifiedIsFine(err: unknown): void {
  if ((err as { statusCode?: unknown }).statusCode === 304) return;
  throw err;
}
