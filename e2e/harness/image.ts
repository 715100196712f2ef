import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { findExecutable } from '../../engine/providers/embedded-launch';

export const TEST_IMAGE = 'berth-test/busybox:latest';

/** Applets the tests use; each becomes /bin/NAME -> busybox. */
const APPLETS = [
  'sh',
  'ash',
  'sleep',
  'httpd',
  'nc',
  'wget',
  'cat',
  'echo',
  'ls',
  'ps',
  'top',
  'env',
  'printf',
  'true',
  'false',
  'mkdir',
  'rm',
  'cp',
  'mv',
  'touch',
  'tail',
  'head',
  'grep',
  'seq',
  'yes',
  'date',
  'hostname',
  'id',
  'whoami',
  'kill',
  'ping',
  'ip',
  'ifconfig',
  'wc',
  'sort',
  'uniq',
  'sed',
  'awk',
  'tee',
  'test',
  '[',
  'dd',
  'du',
  'df',
  'chmod',
  'chown',
  'ln',
  'pwd',
  'uname',
  'find',
  'xargs',
  'tr',
  'cut',
  'nslookup',
  'stat',
  'watch',
  'timeout',
  'tar',
  'gzip',
  'gunzip',
  'md5sum',
  'sha256sum',
  'base64',
  'basename',
  'dirname',
  'mount',
  'free',
  'uptime',
  'nproc',
  'expr',
  'which',
  'vi',
  'less',
  'more',
  'netstat',
  'sync',
];

/** The image config: `docker run IMAGE` gives a shell; `docker run IMAGE sleep 1000` runs the command. */
const CHANGES = [
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  'CMD ["sh"]',
  'WORKDIR /',
];

async function buildRootfs(dir: string): Promise<void> {
  const busybox = await findExecutable('busybox', {});
  if (!busybox) throw new Error('busybox is not installed; run: apt-get install -y busybox-static');
  for (const sub of ['bin', 'etc', 'tmp', 'www', 'root', 'proc', 'sys', 'dev', 'var/www']) {
    await mkdir(join(dir, sub), { recursive: true });
  }
  await copyFile(busybox, join(dir, 'bin', 'busybox'));
  for (const applet of APPLETS) await symlink('busybox', join(dir, 'bin', applet));
  await writeFile(
    join(dir, 'etc', 'passwd'),
    'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n',
  );
  await writeFile(join(dir, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
  await writeFile(join(dir, 'www', 'index.html'), '<h1>berth test</h1>\n');
}

/** tar of a directory as a stream, through the system tar (keeps symlinks and modes exactly). */
function tarStream(dir: string): NodeJS.ReadableStream {
  const tar = spawn('tar', ['--numeric-owner', '--owner=0', '--group=0', '-C', dir, '-c', '.'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return tar.stdout;
}

/**
 * Makes sure `ref` exists on the engine: a busybox image built from busybox-static on this machine, no pulls.
 * Returns the image id. Safe to call many times (and from parallel suites: the import is idempotent by content).
 */
export async function ensureTestImage(docker: Dockerode, ref = TEST_IMAGE): Promise<string> {
  const existing = await docker
    .getImage(ref)
    .inspect()
    .catch(() => undefined);
  if (existing) return existing.Id;

  const colon = ref.lastIndexOf(':');
  const [repo, tag] =
    colon > ref.lastIndexOf('/') ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
  const dir = await mkdtemp(join(tmpdir(), 'berth-image-'));
  try {
    await buildRootfs(dir);
    const response = await docker.importImage(tarStream(dir), { repo, tag, changes: CHANGES });
    // The import answers with a JSON progress stream; it is done (or failed) when the stream ends.
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(response, (err: Error | null, output: { error?: string }[]) => {
        const failed = err ?? output.find((o) => o.error);
        if (failed) reject(failed instanceof Error ? failed : new Error(failed.error));
        else resolve();
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return (await docker.getImage(ref).inspect()).Id;
}
