import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagValue, isAlive, isEngineArgs, pingSocket, readPidFile, tailFile, terminate } from './engine-process';

describe('isEngineArgs', () => {
  const root = '/home/ada/.local/share/berth/engine/data-root';
  it('accepts Berth’s dockerd and its rootless launcher on the same data root', () => {
    expect(isEngineArgs(['/usr/sbin/dockerd', '--data-root', root, '-H', 'unix:///x'], root)).toBe(true);
    expect(isEngineArgs(['dockerd', `--data-root=${root}`], root)).toBe(true);
    expect(
      isEngineArgs(['rootlesskit', '--net=slirp4netns', '/usr/share/docker.io/contrib/dockerd-rootless.sh', '--data-root', root], root),
    ).toBe(true);
  });

  it('refuses other dockerds, other data roots and other programs naming the path', () => {
    expect(isEngineArgs(['/usr/sbin/dockerd', '-H', 'fd://'], root)).toBe(false);
    expect(isEngineArgs(['dockerd', '--data-root', `${root}2`], root)).toBe(false);
    expect(isEngineArgs(['vim', '--data-root', root], root)).toBe(false);
    expect(flagValue(['a', '--data-root'], '--data-root')).toBeUndefined();
  });
});

describe('process helpers', () => {
  it('readPidFile rejects garbage; tailFile returns the last lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-proc-'));
    try {
      await writeFile(join(dir, 'a.pid'), '1234\n');
      await writeFile(join(dir, 'b.pid'), 'nope');
      expect(await readPidFile(join(dir, 'a.pid'))).toBe(1234);
      expect(await readPidFile(join(dir, 'b.pid'))).toBeUndefined();
      expect(await readPidFile(join(dir, 'missing.pid'))).toBeUndefined();
      await writeFile(join(dir, 'log'), Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n'));
      expect(await tailFile(join(dir, 'log'), 3)).toBe('line 47\nline 48\nline 49');
      expect(await pingSocket(join(dir, 'no.sock'), 200)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('terminate escalates to SIGKILL when SIGTERM is ignored', async () => {
    const child = spawn('sh', ['-c', 'trap "" TERM; while true; do sleep 0.1; done'], { stdio: 'ignore', detached: true });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const pid = child.pid ?? -1;
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    await terminate(pid, { graceMs: 500, group: true });
    expect(await exited).toBe('SIGKILL');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(500);
    expect(isAlive(pid)).toBe(false);
  });
});
