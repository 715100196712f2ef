import { ErrorCode } from '../../contract';
import { mapDockerError, type DockerErrorDetails } from '../../docker/errors';
import { BerthError } from '../../base/errors';

// Create/start failures say which setting to change: the image to pull, the name or the host port in use.

const PORT_IN_USE = /:(\d+)(?: failed: port is already allocated|: bind: address already in use)/;

/** The host port named by an engine "port is already allocated / address already in use" message. */
export function portInUse(engineMessage: string | undefined): number | undefined {
  const m = PORT_IN_USE.exec(engineMessage ?? '');
  return m?.[1] ? Number(m[1]) : undefined;
}

export function mapCreateError(err: unknown, ctx: { image: string; name?: string | undefined }): BerthError {
  const mapped = mapDockerError(err, {
    action: 'create',
    object: `container ${ctx.name ?? 'from ' + ctx.image}`,
  });
  const details = mapped.details as DockerErrorDetails | undefined;
  const said = details?.engineMessage ?? '';
  if (details?.statusCode === 404 && /no such image|pull access denied|not found: manifest/i.test(said)) {
    return new BerthError(
      ErrorCode.NOT_FOUND,
      `Image ${ctx.image} is not on this engine; pull it first (or build it), then run the container again.`,
      details,
    );
  }
  if (details?.statusCode === 404 && /network .* not found/i.test(said)) {
    return new BerthError(
      ErrorCode.NOT_FOUND,
      `The network in the settings does not exist on this engine. Choose another network or create it first.`,
      details,
    );
  }
  if (mapped.code === ErrorCode.CONFLICT && /name .* is already in use/i.test(said)) {
    return new BerthError(
      ErrorCode.CONFLICT,
      `The name "${ctx.name ?? ''}" is already used by another container. Choose another name, or rename or remove that container.`,
      details,
    );
  }
  return mapped;
}

export function mapStartError(err: unknown, name: string): BerthError {
  const mapped = mapDockerError(err, { action: 'start', object: `container ${name}` });
  const details = mapped.details as DockerErrorDetails | undefined;
  const port = portInUse(details?.engineMessage);
  if (port !== undefined) {
    return new BerthError(
      ErrorCode.CONFLICT,
      `Host port ${port} is already in use by another container or program. Publish on another host port, or leave it empty to let the engine pick a free one.`,
      { ...details, field: 'ports', hostPort: port },
    );
  }
  return mapped;
}
