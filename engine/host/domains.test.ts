import { describe, expect, it } from 'vitest';
import type { Caller } from '../base/audit';
import type { Handlers, StreamHandlers } from '../base/handlers';
import type { ServiceContext } from '../services/context';
import { buildDomains, type DomainFactory } from './domains';

// The factories never read the context here; buildDomains only passes it on.
const ctx = {} as ServiceContext;
const caller: Caller = { kind: 'local', role: 'admin' } as unknown as Caller;
const loader =
  <F extends DomainFactory>(factory: F) =>
  () =>
    Promise.resolve(factory);
const everything = () => ({
  handlers: { 'containers.list': () => Promise.resolve([]) } as unknown as Handlers,
  streams: {} as StreamHandlers,
});
const withoutList = () => ({
  handlers: {} as Omit<Handlers, 'containers.list'>,
  streams: {} as StreamHandlers,
});
const listOnly = () => ({ handlers: {} as Pick<Handlers, 'containers.list'> });
const withoutLogs = () => ({ handlers: {} as Handlers, streams: {} as Omit<StreamHandlers, 'tasks.log'> });

describe('buildDomains', () => {
  it('builds the domains named first, merges their handlers and disposes them last built first', async () => {
    const order: string[] = [];
    const table = {
      a: loader(() => ({ ...everything(), dispose: () => void order.push('first') })),
      b: loader(() => ({ handlers: {} })),
      c: loader(() => ({ handlers: {}, dispose: () => void order.push('third') })),
    };
    const built = await buildDomains(ctx, table, ['a', 'b', 'c']);
    await expect(built.handlers['containers.list']({}, caller)).resolves.toEqual([]);
    built.dispose();
    expect(order).toEqual(['third', 'first']);
  });

  it('loads no domain it was not asked for until one of its methods or streams is called', async () => {
    const loaded: string[] = [];
    const track =
      <F extends DomainFactory>(name: string, factory: F) =>
      () => {
        loaded.push(name);
        return Promise.resolve(factory);
      };
    const seen: unknown[] = [];
    const table = {
      first: track('first', () => ({
        handlers: {} as Omit<Handlers, 'containers.list'>,
        streams: {} as Omit<StreamHandlers, 'tasks.log'>,
      })),
      later: track('later', () => ({
        handlers: {
          'containers.list': (p: unknown) => Promise.resolve(seen.push(p) && ['listed']),
        } as unknown as Pick<Handlers, 'containers.list'>,
        streams: { 'tasks.log': () => Promise.resolve(void seen.push('log')) },
      })),
    };
    const built = await buildDomains(ctx, table, ['first']);
    expect(loaded).toEqual(['first']);
    await expect(built.handlers['containers.list']({}, caller)).resolves.toEqual(['listed']);
    expect(loaded).toEqual(['first', 'later']);
    await built.streams['tasks.log']({} as never);
    expect(seen).toEqual([{}, 'log']);
    // Loaded once: the second call goes straight to the handler.
    await built.handlers['containers.list']({}, caller);
    expect(loaded).toEqual(['first', 'later']);
  });

  it('refuses calls that would load a domain after dispose, and says why', async () => {
    const table = { all: loader(everything), none: loader(() => ({ handlers: {} })) };
    const built = await buildDomains(ctx, table, ['none']);
    built.dispose();
    await expect(built.handlers['containers.list']({}, caller)).rejects.toThrow(/shut down/);
  });

  it('does not compile when a method or stream has no handler, or two', () => {
    const noList = { a: loader(withoutList) };
    const noLogs = { a: loader(withoutLogs) };
    const twice = { a: loader(everything), b: loader(listOnly) };
    const complete = { a: loader(withoutList), b: loader(listOnly) };
    // @ts-expect-error 'containers.list' has no handler
    expect(() => buildDomains(ctx, noList, [])).not.toThrow();
    // @ts-expect-error 'tasks.log' has no handler
    expect(() => buildDomains(ctx, noLogs, [])).not.toThrow();
    // @ts-expect-error 'containers.list' is handled by two domains
    expect(() => buildDomains(ctx, twice, [])).not.toThrow();
    expect(() => buildDomains(ctx, complete, [])).not.toThrow();
  });
});
