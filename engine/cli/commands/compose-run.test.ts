import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ComposeRunChunk, ComposeRunInput } from '../../contract';
import { recordingIo } from '../testing/io';
import type { TerminalIo } from '../terminal';
import { runOneOffAttached } from './compose-run';
import type { ComposeSession } from './compose-session';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const source = { files: [], workingDir: '/p' };

/** A session whose 'compose.run' stream echoes its input as stdout, then exits with `code` at EOF. */
function echoSession(code: number, opened: unknown[]) {
  const stream = (<C, I>(_: string, params: unknown, onChunk: (c: C) => void, _s?: AbortSignal, wire?: (send: (i: I) => void) => void) => {
    opened.push(params);
    const chunk = (c: ComposeRunChunk) => onChunk(c as C);
    return new Promise<void>((resolve) => {
      chunk({ type: 'stderr', data: b64('warn: a\nwarn: ') });
      wire?.(((i: ComposeRunInput) => {
        if (i.type === 'data') chunk({ type: 'stdout', data: i.data });
        else if (i.type === 'resize') chunk({ type: 'stdout', data: b64(`[${i.cols}x${i.rows}]`) });
        else {
          chunk({ type: 'log', line: 'Container p-web-run-1  Started' });
          chunk({ type: 'exit', exitCode: code, name: 'p-web-run-1' });
          resolve();
        }
      }) as (i: I) => void);
    });
  }) as ComposeSession['stream'];
  return { stream };
}

function terminal(tty: boolean) {
  const stdin = new PassThrough();
  const raw: string[] = [];
  const modes: boolean[] = [];
  let resized = (): void => undefined;
  const term: TerminalIo = {
    stdin,
    size: () => (tty ? { rows: 24, columns: 80 } : undefined),
    setRaw: (on) => modes.push(on),
    onResize: (l) => ((resized = l), () => (resized = () => undefined)),
    writeRaw: (c) => raw.push(c.toString('utf8')),
    release: () => undefined,
  };
  return { term, stdin, raw, modes, resize: () => resized() };
}

describe('compose run through the compose.run stream', () => {
  it('forwards piped stdin and its end, prints output by lines, and returns the exit code', async () => {
    const opened: unknown[] = [];
    const { io, out, err } = recordingIo();
    const t = terminal(false);
    const done = runOneOffAttached(echoSession(3, opened), io, { params: { source, service: 'web' }, terminal: t.term, noTty: false });
    t.stdin.end('one\ntwo');
    expect(await done).toBe(3);
    expect(out).toEqual(['one', 'two']);
    expect(err).toEqual(['warn: a', 'warn: ']);
    expect(opened).toEqual([{ source, service: 'web', interactive: true }]);
    expect(t.modes).toEqual([]);
  });

  it('gives the one-off a terminal: raw mode while it runs, its size, resizes, raw output', async () => {
    const opened: unknown[] = [];
    const { io, out } = recordingIo();
    const t = terminal(true);
    const done = runOneOffAttached(echoSession(0, opened), io, { params: { source, service: 'web' }, terminal: t.term, noTty: false });
    t.stdin.write('ls\r');
    await new Promise((r) => setImmediate(r));
    t.resize();
    t.stdin.end();
    expect(await done).toBe(0);
    expect(t.raw.join('')).toBe('ls\r[80x24]');
    expect(out).toEqual([]);
    expect(t.modes).toEqual([true, false]);
    expect(opened).toEqual([{ source, service: 'web', interactive: true, tty: { cols: 80, rows: 24 } }]);
  });

  it('-T runs without a terminal even when the user has one', async () => {
    const opened: unknown[] = [];
    const t = terminal(true);
    const done = runOneOffAttached(echoSession(0, opened), recordingIo().io, { params: { source, service: 'web' }, terminal: t.term, noTty: true });
    t.stdin.end();
    expect(await done).toBe(0);
    expect(opened).toEqual([{ source, service: 'web', interactive: true }]);
    expect(t.modes).toEqual([]);
  });
});
