import Dockerode from 'dockerode';
import { readEventStream, type DockerEvent } from '../../docker/events';

/** A swarm task's container started or stopped on a node, as that node's own engine reports it. */
export interface NodeTaskEvent {
  taskId: string;
  action: 'start' | 'die';
  containerId: string;
  exitCode?: number;
  /** When the node's engine says it happened (ms). */
  at: number;
}

const TASK_LABEL = 'com.docker.swarm.task.id';
const RETRY_MS = 1000;

/** A node engine's container event as a task event, or undefined for anything else. */
export function toNodeTaskEvent(e: DockerEvent): NodeTaskEvent | undefined {
  const taskId = e.attributes[TASK_LABEL];
  if (e.type !== 'container' || !taskId || (e.action !== 'start' && e.action !== 'die')) return undefined;
  const code = e.attributes.exitCode;
  return {
    taskId,
    action: e.action,
    containerId: e.id,
    ...(e.action === 'die' && code !== undefined && /^\d+$/.test(code) ? { exitCode: Number(code) } : {}),
    at: Math.round(e.timeNano / 1e6),
  };
}

/**
 * Follows `/events` of each node engine Berth can reach directly (the local cluster's nodes: their unix sockets),
 * only swarm task containers starting and dying, and hands them on: the manager's task list shows such a change
 * only after the node's agent reported it (~100 ms later, ADR 14). A stream that ends is opened again after a
 * second while its node is still wanted; `setNodes` opens and closes streams to match.
 */
export class NodeEventFollower {
  private readonly streams = new Map<string, { stop: () => void; retry?: NodeJS.Timeout }>();
  private disposed = false;

  constructor(private readonly onEvent: (e: NodeTaskEvent) => void) {}

  /** The endpoints to follow now (unix:// only; other kinds are skipped). */
  setNodes(endpoints: string[]): void {
    const wanted = new Set(endpoints.filter((e) => e.startsWith('unix://')));
    for (const [endpoint, s] of this.streams) {
      if (wanted.has(endpoint)) continue;
      this.close(endpoint, s);
    }
    for (const endpoint of wanted) if (!this.streams.has(endpoint)) this.open(endpoint);
  }

  get following(): string[] {
    return [...this.streams.keys()];
  }

  dispose(): void {
    this.disposed = true;
    for (const [endpoint, s] of this.streams) this.close(endpoint, s);
  }

  private close(endpoint: string, s: { stop: () => void; retry?: NodeJS.Timeout }): void {
    clearTimeout(s.retry);
    s.stop();
    this.streams.delete(endpoint);
  }

  private open(endpoint: string): void {
    const abort = new AbortController();
    const entry: { stop: () => void; retry?: NodeJS.Timeout } = { stop: () => abort.abort() };
    this.streams.set(endpoint, entry);
    const again = () => {
      if (this.disposed || this.streams.get(endpoint) !== entry) return;
      entry.retry = setTimeout(() => {
        if (this.streams.get(endpoint) !== entry) return;
        this.streams.delete(endpoint);
        this.open(endpoint);
      }, RETRY_MS);
      entry.retry.unref?.();
    };
    const docker = new Dockerode({ socketPath: endpoint.slice('unix://'.length) });
    docker
      .getEvents({ filters: { type: ['container'], event: ['start', 'die'], label: [TASK_LABEL] }, abortSignal: abort.signal } as Dockerode.GetEventsOptions)
      .then((stream) => {
        if (this.streams.get(endpoint) !== entry) return readEventStream(stream, { onEvent: () => undefined, onClose: () => undefined })();
        const stop = readEventStream(stream, {
          onEvent: (e) => {
            const t = toNodeTaskEvent(e);
            if (t) this.onEvent(t);
          },
          onClose: again,
        });
        entry.stop = () => {
          stop();
          abort.abort();
        };
      }, again);
  }
}
