import type Dockerode from 'dockerode';
import { ErrorCode } from '../../contract';
import { BerthError } from '../../base/errors';
import { mapDockerError } from '../../docker/errors';

type Config = Dockerode.ContainerCreateOptions;
type ImageConfig = Partial<Pick<Dockerode.ImageInspectInfo['Config'], 'Cmd' | 'Entrypoint' | 'Env' | 'WorkingDir' | 'User' | 'Labels' | 'ExposedPorts'>> & {
  Healthcheck?: unknown;
};

type Bindings = Record<string, { HostIp?: string; HostPort?: string }[] | null | undefined>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The container's config moved onto another image: what the old image supplied (its command, entrypoint,
 * environment, working directory, user, labels, exposed ports, healthcheck) is dropped so the new image's
 * defaults apply, and what the user set on the container stays. `docker compose up` does the same when a
 * service's image changes.
 */
export function moveToImage(config: Config, oldImage: ImageConfig, image: string, bindings?: Bindings): void {
  config.Image = image;
  const entrypointFromImage = same(config.Entrypoint, oldImage.Entrypoint);
  if (entrypointFromImage) delete config.Entrypoint;
  // A command only belongs to the image when the entrypoint does too (a new entrypoint drops the image's CMD).
  if (entrypointFromImage && same(config.Cmd, oldImage.Cmd)) delete config.Cmd;
  const imageEnv = new Set(oldImage.Env ?? []);
  config.Env = (config.Env ?? []).filter((e) => !imageEnv.has(e));
  if (same(config.WorkingDir, oldImage.WorkingDir)) delete config.WorkingDir;
  if (same(config.User, oldImage.User)) delete config.User;
  if (same(config.Healthcheck, oldImage.Healthcheck)) delete config.Healthcheck;
  const labels = { ...(config.Labels ?? {}) };
  for (const [k, v] of Object.entries(oldImage.Labels ?? {})) if (labels[k] === v) delete labels[k];
  config.Labels = labels;
  const exposed = { ...(config.ExposedPorts ?? {}) };
  const bound = new Set(Object.keys(bindings ?? {}));
  for (const k of Object.keys(oldImage.ExposedPorts ?? {})) if (!bound.has(k)) delete exposed[k];
  config.ExposedPorts = exposed;
}

/** The new image must be on the engine before anything is stopped (a pull is the user's choice). */
export async function imageConfigFor(docker: Dockerode, image: string): Promise<ImageConfig> {
  try {
    return (await docker.getImage(image).inspect()).Config ?? {};
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) {
      throw new BerthError(
        ErrorCode.NOT_FOUND,
        `Image ${image} is not on this engine. Pull it first (Images → Pull); nothing was changed.`,
        { field: 'image' },
      );
    }
    throw mapDockerError(err, { action: 'inspect', object: `image ${image}` });
  }
}

const hostPortsOf = (bindings: Bindings | undefined) =>
  Object.entries(bindings ?? {}).flatMap(([key, list]) =>
    (list ?? [])
      .filter((b) => b.HostPort)
      .map((b) => ({ port: Number(b.HostPort), protocol: key.split('/')[1] ?? 'tcp', ip: b.HostIp ?? '' })),
  );
const overlaps = (a: string, b: string) => a === '' || b === '' || a === '0.0.0.0' || b === '0.0.0.0' || a === b;

/**
 * Host ports the new config publishes that another running container already holds: found before the
 * container is stopped, so a clash costs no downtime. (A port held by a process outside the engine is only
 * found when the new container starts; the old one then comes back.)
 */
export async function checkHostPorts(docker: Dockerode, selfId: string, bindings: Bindings | undefined): Promise<void> {
  const wanted = hostPortsOf(bindings);
  if (wanted.length === 0) return;
  const running = await docker.listContainers().catch((err: unknown) => {
    throw mapDockerError(err, { action: 'list', object: 'containers' });
  });
  for (const c of running) {
    if (c.Id === selfId) continue;
    for (const p of c.Ports ?? []) {
      if (!p.PublicPort) continue;
      const clash = wanted.find((w) => w.port === p.PublicPort && w.protocol === p.Type && overlaps(w.ip, p.IP ?? ''));
      if (clash) {
        const other = (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');
        throw new BerthError(
          ErrorCode.CONFLICT,
          `Host port ${clash.port}/${clash.protocol} is already published by container ${other}. Choose another host port; nothing was stopped or changed.`,
          { field: 'ports', hostPort: clash.port, container: other },
        );
      }
    }
  }
}
