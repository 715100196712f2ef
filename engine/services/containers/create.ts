import type Dockerode from 'dockerode';
import type { ContainerCreated, ContainerSpec } from '../../contract';
import { mapDockerError } from '../../docker/errors';
import { mapCreateError, mapStartError } from './create-errors';
import { renderComposeService, renderRunCommand } from './run-command';
import { networkAttachments } from './network-attachments';
import { toCreateOptions } from './spec';
import { specFromInspect, type ImageConfig, type SpecOptions } from './spec-from-inspect';

/** The engine connection as the container settings code needs it (EngineManager implements it). */
export interface DockerAccess {
  docker(): Dockerode;
}

/** Runs a container from a spec. Never pulls: a missing image is reported so the user can pull it knowingly. */
export async function createContainer(
  engine: DockerAccess,
  spec: ContainerSpec,
  start: boolean,
): Promise<ContainerCreated> {
  const docker = engine.docker();
  let container: Dockerode.Container;
  try {
    container = await docker.createContainer(toCreateOptions(spec));
  } catch (err) {
    throw mapCreateError(err, { image: spec.image, name: spec.name });
  }
  const info = await container.inspect().catch((err: unknown) => {
    throw mapDockerError(err, { action: 'inspect', object: 'the new container' });
  });
  const name = info.Name.replace(/^\//, '');
  if (start) {
    try {
      await container.start();
    } catch (err) {
      // A container that never started would keep the name taken: the user fixes the settings and runs again.
      await container.remove({ force: true }).catch(() => undefined);
      throw mapStartError(err, name);
    }
  }
  return { id: info.Id, name, started: start };
}

async function inspectWithImage(
  engine: DockerAccess,
  id: string,
): Promise<{ info: Dockerode.ContainerInspectInfo; image: ImageConfig }> {
  const docker = engine.docker();
  const info = await docker
    .getContainer(id)
    .inspect()
    .catch((err: unknown) => {
      throw mapDockerError(err, { action: 'inspect', object: `container ${id}` });
    });
  // The image may be gone (removed with -f while the container kept it): then every setting counts as own.
  const image = await docker
    .getImage(info.Image)
    .inspect()
    .then((i) => i.Config as ImageConfig)
    .catch(() => ({}));
  return { info, image };
}

export async function containerSpec(
  engine: DockerAccess,
  id: string,
  purpose: SpecOptions['purpose'] = 'edit',
): Promise<ContainerSpec> {
  const { info, image } = await inspectWithImage(engine, id);
  return specFromInspect(info, image, { purpose });
}

export async function runCommandOf(engine: DockerAccess, id: string): Promise<string> {
  const { info, image } = await inspectWithImage(engine, id);
  return renderRunCommand(specFromInspect(info, image, { purpose: 'command' }), networkAttachments(info));
}

export async function composeServiceOf(engine: DockerAccess, id: string): Promise<string> {
  const { info, image } = await inspectWithImage(engine, id);
  return renderComposeService(specFromInspect(info, image, { purpose: 'command' }), networkAttachments(info));
}
