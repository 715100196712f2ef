import { randomBytes } from 'node:crypto';
import type Dockerode from 'dockerode';
import { ErrorCode } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { BerthError } from '../../base/errors';

/** Label on Berth's short-lived helper containers, so leftovers (after a crash) can be found and removed. */
export const HELPER_LABEL = 'io.berth.volume-helper';
// @types/dockerode marks every VolumeOptions field required; the engine needs only NoCopy.
const noCopy = { NoCopy: true } as unknown as NonNullable<Dockerode.MountSettings['VolumeOptions']>;

/** Where a helper mounts the volume. */
export const MOUNT = '/v';

export interface VolumeHelper {
  container: Dockerode.Container;
  /** Removes the helper; safe to call more than once, never throws. */
  remove(): Promise<void>;
}

/**
 * The smallest local image: a helper container is only created, never started, so any image will do; a small
 * one keeps `docker ps -a` noise and disk reads low.
 */
async function pickImage(docker: Dockerode): Promise<string> {
  let images: Dockerode.ImageInfo[];
  try {
    images = await docker.listImages();
  } catch (err) {
    throw mapDockerError(err, { action: 'list', object: 'images' });
  }
  const smallest = [...images].sort((a, b) => a.Size - b.Size)[0];
  if (!smallest) {
    throw new BerthError(
      ErrorCode.NOT_FOUND,
      'Browsing a volume needs any local image; pull one (e.g. busybox) first.',
    );
  }
  return smallest.Id;
}

/**
 * Creates (does not start) a container with the volume mounted at /v. The engine's archive API works on such
 * a container, so files are read and written without running any process. The volume must exist already:
 * creating a container would otherwise create it silently.
 */
export async function createHelper(
  docker: Dockerode,
  volume: string,
  options: { readOnly: boolean; purpose: string },
): Promise<VolumeHelper> {
  try {
    await docker.getVolume(volume).inspect();
  } catch (err) {
    throw mapDockerError(err, { object: `volume ${volume}` });
  }
  const image = await pickImage(docker);
  let container: Dockerode.Container;
  try {
    const spec: Dockerode.ContainerCreateOptions = {
      name: `berth-volume-helper-${randomBytes(4).toString('hex')}`,
      Image: image,
      // Never run; a command is still required when the image has none.
      Entrypoint: ['/berth-helper-never-started'],
      Cmd: [],
      Labels: { [HELPER_LABEL]: options.purpose, 'io.berth.volume': volume },
      NetworkDisabled: true,
      HostConfig: {
        NetworkMode: 'none',
        // NoCopy: never copy image files into the volume (an empty volume would otherwise be filled from /v).
        Mounts: [{ Type: 'volume', Source: volume, Target: MOUNT, ReadOnly: options.readOnly, VolumeOptions: noCopy }],
      },
    };
    container = await docker.createContainer(spec);
  } catch (err) {
    throw mapDockerError(err, { action: 'prepare access to', object: `volume ${volume}` });
  }
  let removing: Promise<void> | undefined;
  return {
    container,
    remove: () =>
      (removing ??= container.remove({ force: true, v: true }).then(
        () => undefined,
        (err: unknown) => {
          const status = (err as { statusCode?: number }).statusCode;
          if (status !== 404) console.warn(`[berth] could not remove volume helper ${container.id}:`, err);
        },
      )),
  };
}

/** Runs `fn` with a helper and always removes the helper afterwards (also on error). */
export async function withHelper<T>(
  docker: Dockerode,
  volume: string,
  options: { readOnly: boolean; purpose: string },
  fn: (helper: VolumeHelper) => Promise<T>,
): Promise<T> {
  const helper = await createHelper(docker, volume, options);
  try {
    return await fn(helper);
  } finally {
    await helper.remove();
  }
}

/** Removes helpers left behind by a crash (they are never started, so nothing is interrupted). */
export async function removeStaleHelpers(docker: Dockerode): Promise<number> {
  const stale = await docker.listContainers({ all: true, filters: { label: [HELPER_LABEL] } });
  const old = stale.filter((c) => c.State === 'created' && Date.now() / 1000 - c.Created > 3600);
  await Promise.all(old.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
  return old.length;
}

/** The archive path of a path inside the volume; `/.` makes the archive hold the contents, named './…'. */
export function archivePath(relative: string): string {
  return relative === '' ? `${MOUNT}/.` : `${MOUNT}/${relative}`;
}
