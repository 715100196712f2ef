import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type Dockerode from 'dockerode';
import type { StreamContext } from '../../../base/handlers';
import { mapDockerError } from '../../../docker/errors';
import { JsonLineDecoder } from '../../../docker/events';
import { StatsComputer } from './stats';

/**
 * 'containers.stats': one sample per engine stats tick (about a second). A client that is behind misses
 * samples (the next one is complete on its own) instead of making them queue up.
 */
export async function streamStats(
  docker: Dockerode,
  ctx: Pick<StreamContext<'containers.stats'>, 'params' | 'signal' | 'send' | 'drained'>,
): Promise<void> {
  const { id } = ctx.params;
  const object = { object: `container ${id}`, action: 'read the stats of' };
  let source: Readable;
  try {
    // dockerode honours abortSignal here; its typings do not list it.
    const options = { stream: true as const, abortSignal: ctx.signal };
    source = (await docker.getContainer(id).stats(options)) as unknown as Readable;
  } catch (err) {
    if (ctx.signal.aborted) return;
    throw mapDockerError(err, object);
  }
  const computer = new StatsComputer();
  const decoder = new JsonLineDecoder();
  let behind = false;
  const onSample = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    const sample = computer.next(value);
    if (behind) return;
    if (!ctx.send(sample)) {
      behind = true;
      void ctx.drained().then(() => (behind = false));
    }
  };
  const abort = () => source.destroy();
  ctx.signal.addEventListener('abort', abort, { once: true });
  try {
    source.on('data', (chunk: Buffer) => decoder.push(chunk).forEach(onSample));
    await finished(source);
    decoder.end().forEach(onSample);
  } catch (err) {
    if (ctx.signal.aborted) return;
    throw mapDockerError(err, object);
  } finally {
    ctx.signal.removeEventListener('abort', abort);
  }
}
