import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../../e2e/harness/engine';
import type { LogChunk, LogLine, StatsSample, TerminalChunk } from '../../../contract';
import { useEngineBackend } from '../../testing/use-engine-backend';
import { openStream } from './testing/streams';

const env = useEngineBackend();

const run = async (name: string, cmd: string[], extra: Dockerode.ContainerCreateOptions = {}) => {
  const c = await env.engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: cmd, name, ...extra });
  await c.start();
  return c;
};
const linesOf = (chunks: LogChunk[]): LogLine[] => chunks.flatMap((c) => c.lines);
const terminalText = (chunks: TerminalChunk[]) => chunks.map((c) => Buffer.from(c.data, 'base64').toString('utf8')).join('');

describe('container streams against a real engine', () => {
  it('logs: stdout and stderr marked, timestamps, tail, since; without follow it ends', async () => {
    const c = await run('printer', ['sh', '-c', 'echo out-1; echo err-1 >&2; echo out-2; printf "no newline"']);
    await c.wait();
    const all = openStream(env.t.backend, 'containers.logs', { id: 'printer', follow: false, tail: 'all' });
    await all.done;
    const lines = linesOf(all.chunks);
    // The engine keeps each stream's order; between stdout and stderr the order is a race.
    expect(lines.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual(['out-1', 'out-2', 'no newline']);
    expect(lines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(['err-1']);
    for (const l of lines) expect(l.ts).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);

    const tail = openStream(env.t.backend, 'containers.logs', { id: 'printer', follow: false, tail: 1, timestamps: false });
    await tail.done;
    expect(linesOf(tail.chunks)).toEqual([{ stream: 'stdout', text: 'no newline' }]);

    const future = Math.floor(Date.now() / 1000) + 3600;
    const since = openStream(env.t.backend, 'containers.logs', { id: 'printer', follow: false, since: future });
    await since.done;
    expect(linesOf(since.chunks)).toEqual([]);

    const onlyErr = openStream(env.t.backend, 'containers.logs', { id: 'printer', follow: false, stdout: false });
    await onlyErr.done;
    expect(linesOf(onlyErr.chunks).map((l) => l.text)).toEqual(['err-1']);
  });

  it('logs of a TTY container are plain text; follow ends when the container stops', async () => {
    await run('tty-printer', ['sh', '-c', 'echo first; sleep 1000'], { Tty: true });
    const follow = openStream(env.t.backend, 'containers.logs', { id: 'tty-printer', timestamps: false });
    await follow.until((c) => linesOf(c).length > 0);
    expect(linesOf(follow.chunks)).toEqual([{ stream: 'stdout', text: 'first' }]);
    await env.engine.docker.getContainer('tty-printer').stop({ t: 0 });
    await follow.done;
  });

  it('a chatty container against a slow client: memory stays bounded and drops are reported', async () => {
    await run('chatty', ['yes', 'berth-chatty-line']);
    let slow = true;
    const before = process.memoryUsage().rss;
    const s = openStream(env.t.backend, 'containers.logs', { id: 'chatty', tail: 0, timestamps: false }, { behind: () => slow, drainMs: 2_500 });
    await s.until((c) => c.some((chunk) => (chunk.dropped ?? 0) > 0), 20_000);
    const dropped = s.chunks.reduce((n, c) => n + (c.dropped ?? 0), 0);
    expect(dropped).toBeGreaterThan(0);
    // While behind the backend holds at most 10,000 lines and sends one batch per drain.
    for (const chunk of s.chunks) expect(chunk.lines.length).toBeLessThanOrEqual(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
    slow = false;
    const count = s.chunks.length;
    await s.until((c) => c.length > count + 5);
    s.close();
    await s.done;
    await env.engine.docker.getContainer('chatty').remove({ force: true });
  });

  it('stats: plausible numbers, one sample per engine tick', async () => {
    await run('burner', ['sh', '-c', 'while true; do :; done']);
    const s = openStream(env.t.backend, 'containers.stats', { id: 'burner' });
    await s.until((c) => c.length >= 3, 20_000);
    s.close();
    await s.done;
    const last = s.chunks.at(-1) as StatsSample;
    expect(last.cpuPercent).toBeGreaterThan(20);
    expect(last.cpuPercent).toBeLessThanOrEqual(100 * 2 + 1);
    expect(last.memoryUsage).toBeGreaterThan(0);
    expect(last.memoryLimit).toBeGreaterThan(last.memoryUsage);
    expect(last.pids).toBeGreaterThanOrEqual(1);
    const first = s.chunks[0] as StatsSample;
    expect(last.at).toBeGreaterThan(first.at);
    await env.engine.docker.getContainer('burner').remove({ force: true });
  });

  it('exec: runs a command through a shell, resizes, and ends when the shell exits', async () => {
    await run('shell', ['sleep', '1000']);
    const s = openStream(env.t.backend, 'containers.exec', { id: 'shell', cmd: ['sh'], cols: 100, rows: 30 });
    const type = (text: string) => s.input({ type: 'data', data: Buffer.from(text).toString('base64') });
    type('echo berth-$((6*7))\n');
    await s.until((c) => terminalText(c).includes('berth-42'));
    s.input({ type: 'resize', cols: 123, rows: 45 });
    // The engine applies a resize asynchronously (through the runtime): ask until the shell sees it.
    for (let i = 0; i < 20 && !terminalText(s.chunks).includes('45 123'); i++) {
      type('busybox stty size\n');
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(terminalText(s.chunks)).toContain('45 123');
    type('exit\n');
    await s.done;
  });

  it('exec and attach refuse clearly: missing shell, stopped container, no TTY', async () => {
    const s = openStream(env.t.backend, 'containers.exec', { id: 'shell', cmd: ['bash'] });
    await expect(s.done).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('bash was not found') as string });

    await env.engine.docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sh'], name: 'idle' });
    const stopped = openStream(env.t.backend, 'containers.exec', { id: 'idle', cmd: ['sh'] });
    await expect(stopped.done).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('not running') as string });

    const noTty = openStream(env.t.backend, 'containers.attach', { id: 'shell' });
    await expect(noTty.done).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('TTY') as string });
  });

  it('attach: talks to the main process of a TTY container', async () => {
    await run('interactive', ['sh'], { Tty: true, OpenStdin: true });
    const s = openStream(env.t.backend, 'containers.attach', { id: 'interactive' });
    await new Promise((r) => setTimeout(r, 300));
    s.input({ type: 'data', data: Buffer.from('echo attached-$((2+3))\n').toString('base64') });
    await s.until((c) => terminalText(c).includes('attached-5'));
    s.input({ type: 'data', data: Buffer.from('exit\n').toString('base64') });
    await s.done;
  });
});
