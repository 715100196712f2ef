import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BerthError } from '../base/errors';
import { missingRootlessParts, notInstalled, planLaunch, resolveRootless } from './embedded-launch';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'berth-launch-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function fakeMachine(bins: string[], subIds: string): Promise<{ env: NodeJS.ProcessEnv; standardDirs: string[]; scriptDirs: string[]; subIdFiles: string[] }> {
  const bin = join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  for (const name of bins) {
    await writeFile(join(bin, name), '#!/bin/sh\n');
    await chmod(join(bin, name), 0o755);
  }
  await writeFile(join(dir, 'subuid'), subIds);
  await writeFile(join(dir, 'subgid'), subIds);
  return { env: { PATH: bin }, standardDirs: [], scriptDirs: [], subIdFiles: [join(dir, 'subuid'), join(dir, 'subgid')] };
}

describe('missingRootlessParts', () => {
  it('names every missing piece of a machine that only has dockerd', async () => {
    const machine = await fakeMachine(['dockerd'], 'someone-else:100000:65536\n');
    expect(await missingRootlessParts('ada', 1000, machine)).toEqual([
      'dockerd-rootless.sh', 'rootlesskit', 'slirp4netns', 'newuidmap', 'newgidmap', 'subuid',
    ]);
  });

  it('is empty on a complete machine (subuid by name or by uid)', async () => {
    const bins = ['dockerd', 'dockerd-rootless.sh', 'rootlesskit', 'slirp4netns', 'newuidmap', 'newgidmap'];
    expect(await missingRootlessParts('ada', 1000, await fakeMachine(bins, 'ada:100000:65536\n'))).toEqual([]);
    expect(await missingRootlessParts('ada', 1000, await fakeMachine(bins, '1000:100000:65536\n'))).toEqual([]);
  });

  it('a non-executable file does not count as installed', async () => {
    const machine = await fakeMachine(['dockerd'], '');
    await chmod(join(dir, 'bin', 'dockerd'), 0o644);
    expect(await missingRootlessParts('ada', 1000, machine)).toContain('dockerd');
  });
});

describe('notInstalled', () => {
  it('is ENGINE_NOT_INSTALLED carrying an install hint with copyable commands', async () => {
    const err = await notInstalled(['rootlesskit', 'subuid']);
    expect(err).toBeInstanceOf(BerthError);
    expect(err.code).toBe('ENGINE_NOT_INSTALLED');
    expect(err.message).toContain('rootlesskit, subuid are missing');
    const hint = err.details as { missing: string[]; commands: string[] };
    expect(hint.missing).toEqual(['rootlesskit', 'subuid']);
    expect(hint.commands.join('\n')).toMatch(/install -y .*rootlesskit/);
  });
});

describe('planLaunch argument checks', () => {
  it("'auto' means rootful only for root without runAsUser", () => {
    expect(resolveRootless({ dataDir: '/d' }, 0)).toBe(false);
    expect(resolveRootless({ dataDir: '/d' }, 1000)).toBe(true);
    expect(resolveRootless({ dataDir: '/d', runAsUser: 'u' }, 0)).toBe(true);
    expect(resolveRootless({ dataDir: '/d', mode: 'rootful' }, 1000)).toBe(false);
  });

  it('refuses an unknown runAsUser with a message saying what to do', async () => {
    const err = await planLaunch({ dataDir: dir, mode: 'rootless', runAsUser: 'no-such-user-berth' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BerthError);
    expect((err as BerthError).code).toBe('INVALID_ARGUMENT');
    expect((err as BerthError).message).toContain("'no-such-user-berth' does not exist");
  });

  it('builds the rootful dockerd command line with private paths, the bridge and extra args', async () => {
    const plan = await planLaunch({ dataDir: dir, mode: 'rootful', bridge: { name: 'bthx', cidr: '10.200.1.1/24' }, extraArgs: ['--debug'] }).catch(
      (e: unknown) => e,
    );
    if (process.getuid?.() !== 0) {
      expect((plan as BerthError).code).toBe('INVALID_ARGUMENT');
      return;
    }
    const { args, rootless } = plan as Awaited<ReturnType<typeof planLaunch>>;
    expect(rootless).toBe(false);
    expect(args).toEqual([
      '--data-root', `${dir}/engine/data-root`, '--exec-root', `${dir}/engine/exec-root`, '--pidfile', `${dir}/engine/dockerd.pid`,
      '-H', `unix://${dir}/engine/docker.sock`, '--bridge', 'bthx', '--debug',
    ]);
  });
});
