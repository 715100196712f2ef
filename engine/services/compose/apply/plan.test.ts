import { describe, expect, it, vi } from 'vitest';
import { BerthError } from '../../../base/errors';
import type { ComposeProject, ServiceConfig } from '../model';
import { dependenciesOf, dependencyGraph, dependentsGraph, runGraph, topologicalOrder, withDependencies } from './plan';

const project = (services: Record<string, ServiceConfig>): ComposeProject => ({
  name: 'p', workingDir: '/w', composeFiles: [], services, networks: {}, volumes: {}, secrets: {}, configs: {},
  disabledServices: [], profiles: [], extensions: {}, warnings: [],
});
const dep = (condition: 'service_started' | 'service_healthy' = 'service_started') => ({ condition, required: true });

describe('compose planner', () => {
  const p = project({
    web: { depends_on: { api: dep(), cache: dep() } },
    api: { depends_on: { db: dep('service_healthy') } },
    db: {},
    cache: {},
    sidecar: { network_mode: 'service:web', volumes_from: ['db:ro', 'container:other'], links: ['cache:c'] },
  });

  it('orders dependencies first, ties by name, and counts implicit links', () => {
    const graph = dependencyGraph(p);
    expect(graph.get('sidecar')).toEqual(['cache', 'db', 'web']);
    expect(topologicalOrder(graph)).toEqual(['db', 'api', 'cache', 'web', 'sidecar']);
    expect(dependentsGraph(graph).get('db')).toEqual(['api', 'sidecar']);
  });

  it('targets a service with everything it needs', () => {
    expect(withDependencies(dependencyGraph(p), ['api'])).toEqual(['api', 'db']);
    expect(withDependencies(dependencyGraph(p), ['web']).sort()).toEqual(['api', 'cache', 'db', 'web']);
  });

  it('ignores dependencies on services outside the model', () => {
    expect(dependenciesOf({ depends_on: { gone: dep() }, network_mode: 'host' }, () => false)).toEqual([]);
  });

  it('runs independent steps in parallel and dependents only after their dependencies', async () => {
    const graph = dependencyGraph(p);
    const events: string[] = [];
    let running = 0;
    let maxParallel = 0;
    await runGraph([...graph.keys()], (n) => graph.get(n) ?? [], async (n) => {
      running++;
      maxParallel = Math.max(maxParallel, running);
      events.push(`start ${n}`);
      await new Promise((r) => setTimeout(r, 10));
      events.push(`end ${n}`);
      running--;
    });
    for (const [n, deps] of graph) for (const d of deps) expect(events.indexOf(`end ${d}`)).toBeLessThan(events.indexOf(`start ${n}`));
    expect(maxParallel).toBeGreaterThanOrEqual(2);
  });

  it('stops starting new steps at the first failure and throws that failure', async () => {
    const graph = dependencyGraph(p);
    const started: string[] = [];
    const run = runGraph([...graph.keys()], (n) => graph.get(n) ?? [], async (n) => {
      started.push(n);
      if (n === 'db') throw new Error('db broke');
      await new Promise((r) => setTimeout(r, 5));
    });
    await expect(run).rejects.toThrow('db broke');
    expect(started).not.toContain('api');
    expect(started).not.toContain('web');
  });

  it('refuses a cycle instead of waiting forever', async () => {
    const cyclic = new Map([['a', ['b']], ['b', ['a']]]);
    const step = vi.fn(() => Promise.resolve());
    const run = runGraph(['a', 'b'], (n) => cyclic.get(n) ?? [], step);
    await expect(run).rejects.toThrow(/cycle: a -> b -> a/);
    // A project error with a code the user sees, not INTERNAL "Unexpected error".
    await expect(run).rejects.toBeInstanceOf(BerthError);
    await expect(run).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { cycle: ['a', 'b', 'a'] } });
    expect(step).not.toHaveBeenCalled();
  });

  it('honours cancellation', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(runGraph(['db'], () => [], () => Promise.resolve(), controller.signal)).rejects.toThrow('cancelled by the user');
  });
});
