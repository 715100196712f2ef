import { describe, expect, it } from 'vitest';
import type { StreamServerMessage } from '../contract';
import { StreamHost } from './stream-host';
import { currentCaller } from '../base/caller-scope';
import type { StreamHandlers } from '../base/handlers';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function host(handlers: Partial<StreamHandlers>, role: 'viewer' | 'admin' = 'admin', buffered = () => 0) {
  const sent: StreamServerMessage[] = [];
  const h = new StreamHost(
    handlers as StreamHandlers,
    { send: (m) => sent.push(m), bufferedBytes: buffered },
    { role, user: 'u', via: 'web' },
  );
  return { h, sent };
}

describe('StreamHost', () => {
  it('validates, authorizes and rejects unknown streams with an end message', async () => {
    const { h, sent } = host({});
    h.handle({ type: 'stream-open', id: 's1', stream: 'containers.nope' as never, params: {} });
    h.handle({ type: 'stream-open', id: 's2', stream: 'containers.logs', params: { id: '../etc' } });
    const viewer = host({}, 'viewer');
    viewer.h.handle({
      type: 'stream-open',
      id: 's3',
      stream: 'containers.exec',
      params: { id: 'abc', cmd: ['sh'] },
    });
    await tick();
    expect(sent).toMatchObject([
      { type: 'stream-end', id: 's1', error: { code: 'METHOD_NOT_FOUND' } },
      { type: 'stream-end', id: 's2', error: { code: 'INVALID_ARGUMENT' } },
    ]);
    expect(viewer.sent).toMatchObject([{ type: 'stream-end', id: 's3', error: { code: 'FORBIDDEN' } }]);
  });

  it("runs the handler in its caller's scope, so what it creates is checked for who asked", async () => {
    let seen: unknown;
    const { h } = host({
      'containers.logs': () => {
        seen = currentCaller();
        return Promise.resolve();
      },
    });
    h.handle({ type: 'stream-open', id: 's1', stream: 'containers.logs', params: { id: 'abc' } });
    await tick();
    expect(seen).toEqual({ role: 'admin', user: 'u', via: 'web' });
  });

  it('sends chunks with defaults applied, forwards input, and aborts the handler on close', async () => {
    const inputs: unknown[] = [];
    let aborted = false;
    const { h, sent } = host({
      'containers.exec': (ctx) => {
        ctx.send({ data: Buffer.from(`cols=${ctx.params.cols}`).toString('base64') });
        ctx.onInput((i) => inputs.push(i));
        return new Promise((resolve) =>
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        );
      },
    });
    h.handle({ type: 'stream-open', id: 't', stream: 'containers.exec', params: { id: 'abc', cmd: ['sh'] } });
    h.handle({ type: 'stream-input', id: 't', input: { type: 'data', data: 'bHM=' } });
    await tick();
    expect(sent[0]).toEqual({
      type: 'stream-data',
      id: 't',
      chunk: { data: Buffer.from('cols=80').toString('base64') },
    });
    expect(inputs).toEqual([{ type: 'data', data: 'bHM=' }]);
    h.handle({ type: 'stream-close', id: 't' });
    await tick();
    expect(aborted).toBe(true);
    expect(h.size).toBe(0);
    expect(sent.filter((m) => m.type === 'stream-end')).toHaveLength(0); // the client closed it: no end echo
  });

  it('ends with the error a handler throws, and reports congestion through send()', async () => {
    let buffered = 0;
    const results: boolean[] = [];
    const { h, sent } = host(
      {
        'containers.stats': async (ctx) => {
          results.push(ctx.send({} as never));
          buffered = 5 << 20;
          results.push(ctx.send({} as never));
          buffered = 0;
          await ctx.drained();
          throw new Error('engine went away');
        },
      },
      'admin',
      () => buffered,
    );
    h.handle({ type: 'stream-open', id: 'x', stream: 'containers.stats', params: { id: 'abc' } });
    await tick(50);
    expect(results).toEqual([true, false]);
    expect(sent.at(-1)).toMatchObject({ type: 'stream-end', id: 'x', error: { code: 'INTERNAL' } });
  });
});
