import { execFile } from 'node:child_process';
import { appendFile, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { hasSubIds, lookupUser } from '../../engine/providers/embedded-launch';

const run = promisify(execFile);
export const ROOTLESS_USER = 'berth-rootless';
const SUBID_COUNT = 65536;

/** The next free subordinate id start after every range already in the file (never overlapping one). */
async function nextSubIdStart(file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '');
  let end = 100_000;
  for (const line of text.split('\n')) {
    const [, start, count] = line.split(':');
    if (start && count) end = Math.max(end, Number(start) + Number(count));
  }
  return end;
}

/**
 * The unprivileged user rootless tests run dockerd as: created once (home, /etc/subuid, /etc/subgid) and reused.
 * Needs root; several suites may call it at once, so creation tolerates losing the race.
 */
export async function ensureRootlessUser(): Promise<{ user: string; uid: number; home: string }> {
  if (process.getuid?.() !== 0) throw new Error('ensureRootlessUser needs root (it creates a system user)');
  let account = await lookupUser(ROOTLESS_USER);
  for (let attempt = 0; !account && attempt < 10; attempt++) {
    // useradd fails while another process holds /etc/passwd's lock; retry and re-check.
    await run('useradd', ['--create-home', '--shell', '/bin/sh', ROOTLESS_USER]).catch(
      () => new Promise((resolve) => setTimeout(resolve, 300)),
    );
    account = await lookupUser(ROOTLESS_USER);
  }
  if (!account) throw new Error(`could not create user ${ROOTLESS_USER}`);
  if (!(await hasSubIds(account.user, account.uid))) {
    for (const file of ['/etc/subuid', '/etc/subgid']) {
      const text = await readFile(file, 'utf8').catch(() => '');
      if (text.split('\n').some((l) => l.startsWith(`${account.user}:`))) continue;
      await appendFile(file, `${account.user}:${await nextSubIdStart(file)}:${SUBID_COUNT}\n`);
    }
  }
  return { user: account.user, uid: account.uid, home: account.home };
}
