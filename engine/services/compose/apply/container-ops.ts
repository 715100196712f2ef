import type Dockerode from 'dockerode';
import { ErrorCode } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { checkHostPower, hostPowerOf } from '../../common/host-power';
import { createSpec, endpointSettings, type CreateInput } from './create-body';
import { engineCall, nameOf, progressLine, type ApplyContext } from './context';

/** Creates one container from the model, joins its other networks, and starts it unless told not to. */
export async function createContainer(ctx: ApplyContext, input: CreateInput, start: boolean): Promise<string> {
  const spec = createSpec(input);
  checkHostPower(`container ${spec.name}`, hostPowerOf(spec.body));
  ctx.log(progressLine('Container', spec.name, 'Creating'));
  const container = await engineCall('create', `container ${spec.name}`, () => ctx.docker.createContainer({ ...spec.body, abortSignal: ctx.signal }));
  for (const net of spec.networks.slice(1)) {
    await engineCall('connect', `container ${spec.name} to network ${net.name}`, () =>
      ctx.docker.getNetwork(net.name).connect({ Container: container.id, EndpointConfig: endpointSettings(net) }),
    );
  }
  ctx.log(progressLine('Container', spec.name, 'Created'));
  if (start) await startContainer(ctx, container.id, spec.name);
  return container.id;
}

export async function startContainer(ctx: ApplyContext, id: string, name: string): Promise<void> {
  ctx.log(progressLine('Container', name, 'Starting'));
  try {
    await ctx.docker.getContainer(id).start();
  } catch (err) {
    const mapped = mapDockerError(err, { action: 'start', object: `container ${name}` });
    if (mapped.code !== ErrorCode.NOT_MODIFIED) throw mapped;
  }
  ctx.log(progressLine('Container', name, 'Started'));
}

/** Stops a container (already stopped is fine); `timeoutSeconds` before the engine kills it. */
export async function stopContainer(ctx: ApplyContext, c: Pick<Dockerode.ContainerInfo, 'Id' | 'Names' | 'State'>, timeoutSeconds?: number): Promise<void> {
  const name = nameOf(c as Dockerode.ContainerInfo);
  if (c.State !== 'running' && c.State !== 'paused' && c.State !== 'restarting') return;
  ctx.log(progressLine('Container', name, 'Stopping'));
  try {
    await ctx.docker.getContainer(c.Id).stop(timeoutSeconds === undefined ? {} : { t: timeoutSeconds });
  } catch (err) {
    const mapped = mapDockerError(err, { action: 'stop', object: `container ${name}` });
    if (mapped.code !== ErrorCode.NOT_MODIFIED && mapped.code !== ErrorCode.NOT_FOUND) throw mapped;
  }
  ctx.log(progressLine('Container', name, 'Stopped'));
}

/** Removes a container (force, so a restarting one goes too); anonymous volumes go with it when `volumes`. */
export async function removeContainer(ctx: ApplyContext, c: Pick<Dockerode.ContainerInfo, 'Id' | 'Names'>, volumes = false): Promise<void> {
  const name = nameOf(c as Dockerode.ContainerInfo);
  ctx.log(progressLine('Container', name, 'Removing'));
  try {
    await ctx.docker.getContainer(c.Id).remove({ force: true, v: volumes });
  } catch (err) {
    const mapped = mapDockerError(err, { action: 'remove', object: `container ${name}` });
    // Removal already in progress (AutoRemove, a parallel down) or done: the container is going away anyway.
    if (mapped.code !== ErrorCode.NOT_FOUND && !(mapped.code === ErrorCode.CONFLICT && /already in progress/.test(JSON.stringify(mapped.details)))) throw mapped;
  }
  ctx.log(progressLine('Container', name, 'Removed'));
}
