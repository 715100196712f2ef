import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../contract';
import { BerthError } from '../base/errors';
import { LayerProgress, parseBuildStep, readProgress, toProgressMessage, type ProgressMessage } from './progress';

const fail = (text: string) => new BerthError(ErrorCode.ENGINE_ERROR, `failed: ${text}`);

function collect(chunks: string[], signal?: AbortSignal) {
  const stream = new PassThrough();
  const seen: ProgressMessage[] = [];
  const done = readProgress(stream, (m) => seen.push(m), fail, signal);
  for (const c of chunks) stream.write(c);
  stream.end();
  return { done, seen };
}

describe('readProgress', () => {
  it('splits JSON lines across chunk boundaries and skips malformed lines', async () => {
    const { done, seen } = collect(['{"status":"Pulling from a","id":"1"}\n{"sta', 'tus":"Downloading","id":"abcdef012345",', '"progressDetail":{"current":5,"total":10}}\nnot json\n', '{"status":"Digest: sha256:00"}']);
    await done;
    expect(seen).toEqual([
      { status: 'Pulling from a', id: '1' },
      { status: 'Downloading', id: 'abcdef012345', progressDetail: { current: 5, total: 10 } },
      { status: 'Digest: sha256:00' },
    ]);
  });

  it('rejects with the mapped error at the first errorDetail line and stops reading', async () => {
    const { done, seen } = collect([
      '{"stream":"Step 1/2 : FROM x\\n"}\n',
      '{"errorDetail":{"code":1,"message":"The command returned a non-zero code: 1"},"error":"ignored"}\n',
      '{"stream":"after\\n"}\n',
    ]);
    await expect(done).rejects.toMatchObject({ code: 'ENGINE_ERROR', message: 'failed: The command returned a non-zero code: 1' });
    expect(seen).toHaveLength(1);
  });

  it('uses the plain error field when there is no errorDetail', async () => {
    const { done } = collect(['{"error":"manifest unknown"}\n']);
    await expect(done).rejects.toThrow('failed: manifest unknown');
  });

  it('rejects as CANCELLED when the signal aborts', async () => {
    const stream = new PassThrough();
    const ac = new AbortController();
    const done = readProgress(stream, () => undefined, fail, ac.signal);
    stream.write('{"status":"x"}\n');
    ac.abort();
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('LayerProgress', () => {
  const msg = (status: string, id: string, current?: number, total?: number): ProgressMessage => ({
    status,
    id,
    ...(current !== undefined ? { progressDetail: { current, ...(total ? { total } : {}) } } : {}),
  });

  it('aggregates downloaded and extracted bytes over every layer of a pull', () => {
    const p = new LayerProgress('pull');
    expect(p.apply({ status: 'Pulling from e2e/busybox', id: '1' })).toBeUndefined();
    expect(p.apply(msg('Pulling fs layer', 'aaaaaaaaaaaa'))).toMatchObject({ state: 'waiting' });
    p.apply(msg('Pulling fs layer', 'bbbbbbbbbbbb'));
    expect(p.apply(msg('Downloading', 'aaaaaaaaaaaa', 12_300_000, 40_100_000))).toEqual({
      id: 'aaaaaaaaaaaa',
      label: 'Layer aaaaaaaaaaaa',
      state: 'running',
      fraction: 12_300_000 / 80_200_000,
      detail: 'Downloading 12 MB / 40 MB',
    });
    p.apply(msg('Downloading', 'bbbbbbbbbbbb', 0, 1000));
    expect(p.overall()).toEqual({ fraction: 12_300_000 / 80_202_000, current: 12_300_000, total: 80_202_000, unit: 'bytes' });
    p.apply(msg('Download complete', 'aaaaaaaaaaaa'));
    const extracting = p.apply(msg('Extracting', 'aaaaaaaaaaaa', 20_050_000, 40_100_000));
    expect(extracting).toMatchObject({ state: 'running', fraction: 0.75, detail: 'Extracting 20 MB / 40 MB' });
    p.apply(msg('Pull complete', 'aaaaaaaaaaaa'));
    p.apply(msg('Already exists', 'bbbbbbbbbbbb'));
    expect(p.overall().fraction).toBe(1);
    expect(p.steps().map((s) => [s.id, s.state])).toEqual([
      ['aaaaaaaaaaaa', 'done'],
      ['bbbbbbbbbbbb', 'done'],
    ]);
    expect(p.summary()).toBe('2 of 2 layers, 80 MB / 80 MB');
  });

  it('counts a pushed layer once and treats "Layer already exists" as done', () => {
    const p = new LayerProgress('push');
    p.apply(msg('Preparing', 'cccccccccccc'));
    p.apply(msg('Pushing', 'cccccccccccc', 500, 1000));
    expect(p.overall()).toMatchObject({ fraction: 0.5, current: 500, total: 1000 });
    p.apply(msg('Layer already exists', 'dddddddddddd'));
    p.apply(msg('Pushed', 'cccccccccccc'));
    expect(p.overall()).toMatchObject({ fraction: 1, current: 1000, total: 1000 });
  });

  it('knows no fraction before any size is known', () => {
    const p = new LayerProgress('pull');
    p.apply(msg('Waiting', 'eeeeeeeeeeee'));
    expect(p.overall()).toEqual({ current: 0, total: 0, unit: 'bytes' });
  });
});

describe('helpers', () => {
  it('parses classic builder steps', () => {
    expect(parseBuildStep('Step 3/7 : RUN make all\n')).toEqual({ index: 3, count: 7, instruction: 'RUN make all' });
    expect(parseBuildStep(' ---> Running in 1234')).toBeUndefined();
  });

  it('ignores values that are not progress messages', () => {
    expect(toProgressMessage([1])).toBeUndefined();
    expect(toProgressMessage({ status: 3, aux: { ID: 'sha256:1' } })).toEqual({ aux: { ID: 'sha256:1' } });
  });
});
