import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type Dockerode from 'dockerode';
import type { LogLine } from '../../contract';
import type { StreamContext } from '../../base/handlers';
import { Demuxer } from '../common/demux';
import { defaultBatcher, LineSplitter, LogBatcher, type BatcherOptions } from '../common/log-lines';
import { engineRequest, engineStream } from './api';
import type { EngineService } from './engine-types';
import { mapSwarmError } from './errors';

/**
 * The `details` prefix the engine puts before each service log line ("com.docker.swarm.node.id=…,
 * com.docker.swarm.service.id=…,com.docker.swarm.task.id=… text"), read into the line's task and node.
 */
export function withTaskAndNode(line: LogLine): LogLine {
  const m = /^(\S*com\.docker\.swarm\.\S*)(?: |$)/.exec(line.text);
  if (!m?.[1]) return line;
  const attrs = new Map(
    m[1].split(',').map((kv) => {
      const eq = kv.indexOf('=');
      return [decode(kv.slice(0, eq)), decode(kv.slice(eq + 1))] as const;
    }),
  );
  const task = attrs.get('com.docker.swarm.task.id');
  const node = attrs.get('com.docker.swarm.node.id');
  return { ...line, text: line.text.slice(m[0].length), ...(task ? { task } : {}), ...(node ? { node } : {}) };
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

/**
 * 'services.logs': GET /services/{id}/logs with details (task and node of each line), merged by the engine across
 * the service's tasks; batched with backpressure like the container logs (services/common/log-lines.ts).
 */
export async function streamServiceLogs(
  docker: Dockerode,
  ctx: Pick<StreamContext<'services.logs'>, 'params' | 'signal' | 'send' | 'drained'>,
  batching: BatcherOptions = defaultBatcher,
): Promise<void> {
  const p = ctx.params;
  const object = { object: `service ${p.id}`, action: 'read the logs of' };
  let source: Readable;
  let tty = false;
  try {
    const service = await engineRequest<EngineService>(docker, { method: 'GET', path: `/services/${encodeURIComponent(p.id)}`, signal: ctx.signal });
    tty = service.Spec.TaskTemplate?.ContainerSpec?.TTY === true;
    source = await engineStream(docker, {
      method: 'GET',
      path: `/services/${encodeURIComponent(service.ID)}/logs`,
      query: { details: true, stdout: true, stderr: true, timestamps: true, follow: p.follow, ...(p.tail === 'all' ? {} : { tail: p.tail }) },
      signal: ctx.signal,
    });
  } catch (err) {
    if (ctx.signal.aborted) return;
    throw mapSwarmError(err, object);
  }
  const batcher = new LogBatcher(ctx, source, batching);
  // Stamps are always read (they follow the details prefix order), and shown only when asked for.
  const add = (line: LogLine) => {
    const l = withTaskAndNode(line);
    batcher.add(p.timestamps ? l : { stream: l.stream, text: l.text, ...(l.task ? { task: l.task } : {}), ...(l.node ? { node: l.node } : {}) });
  };
  const splitters = { stdout: new LineSplitter('stdout', true, add), stderr: new LineSplitter('stderr', true, add) };
  const demux = new Demuxer((stream, payload) => {
    if (stream !== 'stdin') splitters[stream].push(payload);
  });
  const abort = () => source.destroy();
  ctx.signal.addEventListener('abort', abort, { once: true });
  try {
    source.on('data', (chunk: Buffer) => {
      try {
        if (tty) splitters.stdout.push(chunk);
        else demux.push(chunk);
      } catch (err) {
        source.destroy(err as Error);
      }
    });
    await finished(source);
  } catch (err) {
    batcher.abort();
    if (ctx.signal.aborted) return;
    throw mapSwarmError(err, object);
  } finally {
    ctx.signal.removeEventListener('abort', abort);
  }
  splitters.stdout.end();
  splitters.stderr.end();
  await batcher.close();
}
