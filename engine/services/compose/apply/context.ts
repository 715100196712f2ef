import type Dockerode from 'dockerode';
import { ErrorCode, type TaskStep } from '../../../contract';
import { mapDockerError } from '../../../docker/errors';
import { BerthError } from '../../../base/errors';
import { LABEL, projectFilter } from '../labels';
import { ComposeIssue, formatPath } from '../problems';

/** What an apply operation works with: the engine, the task's progress and log, and its cancel signal. */
export interface ApplyContext {
  docker: Dockerode;
  signal: AbortSignal;
  /** Adds or updates a task step (one per service). */
  step(step: TaskStep): void;
  /** A progress line like compose prints (" Container demo-web-1  Started"). */
  log(line: string): void;
  berthVersion: string;
}

/** A compose line: `<Kind> <name>  <Status>`, as docker compose v2 prints progress. */
export const progressLine = (kind: 'Container' | 'Network' | 'Volume' | 'Image', name: string, status: string): string =>
  ` ${kind} ${name}  ${status}`;

/** Runs one engine call; failures become BerthErrors that name the object and what was being done. */
export async function engineCall<T>(action: string, object: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw mapDockerError(err, { action, object });
  }
}

/** Wraps an error so its message says which service failed; the code and details of the cause are kept. */
export function serviceError(service: string, doing: string, err: unknown): BerthError {
  // A model value the engine body cannot express (e.g. restart: sometimes) is the file's fault, not the engine's.
  const cause =
    err instanceof BerthError
      ? err
      : err instanceof ComposeIssue
        ? new BerthError(ErrorCode.INVALID_ARGUMENT, `${err.path.length ? `${formatPath(err.path)}: ` : ''}${err.message}. Fix the compose file and run up again.`)
        : mapDockerError(err, { object: `service ${service}` });
  if (cause.message.startsWith(`Service "${service}"`)) return cause;
  const details = typeof cause.details === 'object' && cause.details !== null ? cause.details : { cause: cause.details };
  return new BerthError(cause.code, `Service "${service}" failed ${doing}: ${cause.message}`, { ...details, service });
}

/** The project's containers (by label, like compose): `oneoff` false = service containers, true = `run` ones. */
export async function projectContainers(
  docker: Dockerode,
  project: string,
  options: { oneoff?: boolean; service?: string } = {},
): Promise<Dockerode.ContainerInfo[]> {
  const list = await engineCall('list', `containers of project ${project}`, () =>
    docker.listContainers({ all: true, filters: { label: projectFilter(project, options) } }),
  );
  return list.sort((a, b) => serviceOf(a).localeCompare(serviceOf(b)) || numberOf(a) - numberOf(b));
}

export const serviceOf = (c: Dockerode.ContainerInfo): string => c.Labels[LABEL.service] ?? '';
export const nameOf = (c: Dockerode.ContainerInfo): string => (c.Names[0] ?? c.Id).replace(/^\//, '');
export function numberOf(c: Dockerode.ContainerInfo): number {
  const n = Number(c.Labels[LABEL.number]);
  return Number.isInteger(n) ? n : Number(/[-_](\d+)$/.exec(nameOf(c))?.[1] ?? 0);
}

/** Resolves after `ms`, or rejects when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error('cancelled'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `fn` over the items with at most `limit` at once. */
export async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const errors: unknown[] = [];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await fn(item);
      } catch (err) {
        errors.push(err);
        queue.length = 0;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}
