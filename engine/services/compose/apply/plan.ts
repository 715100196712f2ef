import { ErrorCode } from '../../../contract';
import { BerthError } from '../../../base/errors';
import type { ComposeProject, ServiceConfig } from '../model';

/** What a service needs up before it: depends_on plus the implicit links compose also orders by. */
export function dependenciesOf(svc: ServiceConfig, known: (name: string) => boolean): string[] {
  const out = new Set(Object.keys(svc.depends_on ?? {}));
  const shared = (value: unknown) => {
    if (typeof value === 'string' && value.startsWith('service:')) out.add(value.slice('service:'.length));
  };
  shared(svc.network_mode);
  shared(svc.ipc);
  shared(svc.pid);
  for (const v of (svc.volumes_from as string[] | undefined) ?? []) {
    if (!v.startsWith('container:')) out.add(v.split(':')[0] ?? v);
  }
  for (const l of (svc.links as string[] | undefined) ?? []) out.add(l.split(':')[0] ?? l);
  return [...out].filter(known).sort();
}

/** The dependency graph of a project: service → the services it waits for. */
export function dependencyGraph(project: ComposeProject): Map<string, string[]> {
  const known = (n: string) => project.services[n] !== undefined;
  return new Map(Object.entries(project.services).map(([name, svc]) => [name, dependenciesOf(svc, known)]));
}

/** The services named plus everything they depend on (compose's `up web` also starts web's dependencies). */
export function withDependencies(graph: Map<string, string[]>, services: string[]): string[] {
  const out = new Set<string>();
  const visit = (n: string) => {
    if (out.has(n) || !graph.has(n)) return;
    out.add(n);
    for (const d of graph.get(n) ?? []) visit(d);
  };
  for (const s of services) visit(s);
  return [...graph.keys()].filter((n) => out.has(n));
}

/** The reverse graph: service → the services that depend on it (stop/down order). */
export function dependentsGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>([...graph.keys()].map((k) => [k, []]));
  for (const [name, deps] of graph) for (const d of deps) out.get(d)?.push(name);
  for (const list of out.values()) list.sort();
  return out;
}

/** A topological order (dependencies first), ties by name; services in a cycle are appended at the end. */
export function topologicalOrder(graph: Map<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: string) => {
    if (state.get(n) !== undefined) return;
    state.set(n, 'visiting');
    for (const d of graph.get(n) ?? []) visit(d);
    state.set(n, 'done');
    order.push(n);
  };
  for (const n of [...graph.keys()].sort()) visit(n);
  return order;
}

/**
 * Runs `step` for every node once all of its prerequisites (within `nodes`) have finished, in parallel where the
 * graph allows. At the first failure nothing new starts (like compose, `up` stops at the first hard error); the
 * steps already running finish, then the first error is thrown. Prerequisites outside `nodes` are ignored.
 */
export async function runGraph(
  nodes: string[],
  prerequisites: (node: string) => string[],
  step: (node: string) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const wanted = new Set(nodes);
  const cycle = findCycle(nodes, (n) => prerequisites(n).filter((d) => wanted.has(d)));
  if (cycle) {
    // The project is invalid (as the loader reports it), not Berth broken: say which services to fix.
    throw new BerthError(
      ErrorCode.INVALID_ARGUMENT,
      `services depend on each other in a cycle: ${cycle.join(' -> ')}. Break it: remove one of the depends_on, links, volumes_from or "service:" references between them.`,
      { cycle },
    );
  }
  const done = new Map<string, Promise<void>>();
  let failure: { error: unknown } | undefined;
  const run = (node: string): Promise<void> => {
    let p = done.get(node);
    if (p) return p;
    p = (async () => {
      const before = prerequisites(node).filter((d) => wanted.has(d) && d !== node);
      await Promise.all(before.map(run));
      if (failure) throw new SkippedError();
      try {
        signal?.throwIfAborted();
        await step(node);
      } catch (error) {
        failure ??= { error };
        throw error;
      }
    })();
    done.set(node, p);
    return p;
  };
  await Promise.allSettled(nodes.map(run));
  if (failure) throw failure.error;
}

/** A step not run because another one failed first; never reported on its own. */
export class SkippedError extends Error {
  constructor() {
    super('skipped because an earlier step failed');
  }
}

function findCycle(nodes: string[], next: (n: string) => string[]): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'visiting') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of next(n)) {
      const found = visit(d);
      if (found) return found;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of nodes) {
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}
