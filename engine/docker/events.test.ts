import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { JsonLineDecoder, readEventStream, toDockerEvent, watchEvents, type DockerEvent } from './events';

const event = (id: string, action = 'start') =>
  JSON.stringify({
    Type: 'container',
    Action: action,
    Actor: { ID: id, Attributes: { name: `n-${id}` } },
    time: 1,
    timeNano: 1000,
  });

describe('JsonLineDecoder', () => {
  it('joins lines split across chunks, including mid-UTF-8 sequences', () => {
    const d = new JsonLineDecoder();
    const bytes = Buffer.from(`{"a":"é€"}\n{"b":2}\n`);
    const out: unknown[] = [];
    for (let i = 0; i < bytes.length; i++) out.push(...d.push(bytes.subarray(i, i + 1)));
    expect(out).toEqual([{ a: 'é€' }, { b: 2 }]);
  });

  it('yields several values from one chunk and flushes a last line without newline', () => {
    const d = new JsonLineDecoder();
    expect(d.push('{"a":1}\n\n{"b":2}\r\n{"c"')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(d.push(':3}')).toEqual([]);
    expect(d.end()).toEqual([{ c: 3 }]);
  });

  it('reports and skips malformed lines, then carries on', () => {
    const bad = vi.fn();
    const d = new JsonLineDecoder(bad);
    expect(d.push('{"a":1}\nnot json\n{"b":2}\n')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(bad).toHaveBeenCalledTimes(1);
    expect(bad.mock.calls[0]?.[0]).toBe('not json');
  });

  it('drops an over-long line without keeping it in memory', () => {
    const bad = vi.fn();
    const d = new JsonLineDecoder(bad);
    d.push('x'.repeat(1024 * 1024 + 10));
    expect(bad).toHaveBeenCalledWith(expect.any(String), 'line too long');
    expect(d.push('yyy\n{"ok":true}\n')).toEqual([{ ok: true }]);
  });
});

describe('toDockerEvent', () => {
  it('normalises modern and legacy shapes and rejects the rest', () => {
    expect(toDockerEvent(JSON.parse(event('abc')))).toEqual({
      type: 'container',
      action: 'start',
      id: 'abc',
      attributes: { name: 'n-abc' },
      timeNano: 1000,
    });
    expect(toDockerEvent({ status: 'die', id: 'x', time: 2 })).toMatchObject({
      type: 'container',
      action: 'die',
      id: 'x',
      timeNano: 2e9,
    });
    expect(toDockerEvent({ Type: 'container' })).toBeUndefined();
    expect(toDockerEvent(42)).toBeUndefined();
    expect(toDockerEvent(null)).toBeUndefined();
  });
});

describe('readEventStream', () => {
  it('delivers events split across chunks and reports the end once', () => {
    const stream = new PassThrough();
    const events: DockerEvent[] = [];
    const onClose = vi.fn();
    const onMalformed = vi.fn();
    readEventStream(stream, { onEvent: (e) => events.push(e), onClose, onMalformed });
    const text = `${event('a')}\n{"broken"\n${event('b', 'die')}\n[1,2]\n`;
    stream.write(text.slice(0, 30));
    stream.write(text.slice(30));
    stream.end();
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(events.map((e) => `${e.id}:${e.action}`)).toEqual(['a:start', 'b:die']);
        expect(onMalformed).toHaveBeenCalledTimes(2);
        expect(onClose).toHaveBeenCalledTimes(1);
        resolve();
      }),
    );
  });

  it('reports a stream error as the close reason', async () => {
    const stream = new PassThrough();
    const onClose = vi.fn();
    readEventStream(stream, { onEvent: () => {}, onClose });
    stream.destroy(new Error('ECONNRESET'));
    await new Promise((r) => setImmediate(r));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect((onClose.mock.calls[0]?.[0] as Error).message).toBe('ECONNRESET');
  });

  it('after dispose, delivers nothing and does not report a close', async () => {
    const stream = new PassThrough();
    const onEvent = vi.fn();
    const onClose = vi.fn();
    const dispose = readEventStream(stream, { onEvent, onClose });
    dispose();
    stream.write(`${event('a')}\n`);
    await new Promise((r) => setImmediate(r));
    expect(onEvent).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(stream.destroyed).toBe(true);
  });
});

describe('watchEvents', () => {
  it('passes an abort signal and aborts it on dispose', async () => {
    let signal: AbortSignal | undefined;
    const stream = new PassThrough();
    const docker = {
      getEvents: (opts?: { abortSignal?: AbortSignal }) => {
        signal = opts?.abortSignal;
        return Promise.resolve(stream as NodeJS.ReadableStream);
      },
    };
    const w = watchEvents(docker as never, { onEvent: () => {}, onClose: () => {} });
    await w.ready;
    expect(signal?.aborted).toBe(false);
    w.dispose();
    expect(signal?.aborted).toBe(true);
    expect(stream.destroyed).toBe(true);
  });
});
