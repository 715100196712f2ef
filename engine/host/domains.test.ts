import { describe, expect, it } from 'vitest';
import type { Handlers, StreamHandlers } from '../base/handlers';
import type { ServiceContext } from '../services/context';
import { buildDomains } from './domains';

// The factories never read the context here; buildDomains only passes it on.
const ctx = {} as ServiceContext;
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
  it('merges the handlers and disposes every domain that has a dispose, last built first', () => {
    const order: string[] = [];
    const built = buildDomains(ctx, [
      () => ({ ...everything(), dispose: () => void order.push('first') }),
      () => ({ handlers: {} }),
      () => ({ handlers: {}, dispose: () => void order.push('third') }),
    ]);
    expect(Object.keys(built.handlers)).toEqual(['containers.list']);
    built.dispose();
    expect(order).toEqual(['third', 'first']);
  });

  it('does not compile when a method or stream has no handler, or two', () => {
    // @ts-expect-error 'containers.list' has no handler
    expect(() => buildDomains(ctx, [withoutList])).not.toThrow();
    // @ts-expect-error 'tasks.log' has no handler
    expect(() => buildDomains(ctx, [withoutLogs])).not.toThrow();
    // @ts-expect-error 'containers.list' is handled by two domains
    expect(() => buildDomains(ctx, [everything, listOnly])).not.toThrow();
    expect(() => buildDomains(ctx, [withoutList, listOnly])).not.toThrow();
  });
});
