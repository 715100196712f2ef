import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { ErrorCode } from '../contract';
import { BerthError } from '../base/errors';
import { engineLayout, type EngineLayout } from './embedded-layout';
import { installHint } from './install-hint';
import type { EmbeddedEngineOptions } from './types';

/** Where distributions put dockerd and the rootless launcher even when PATH (e.g. a desktop session's) lacks sbin. */
const EXTRA_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const ROOTLESS_SCRIPT_DIRS = ['/usr/share/docker.io/contrib', '/usr/share/docker/contrib', '/usr/libexec/docker'];

export interface UserAccount {
  user: string;
  uid: number;
  gid: number;
  home: string;
}

/** Everything needed to spawn the engine, decided before anything is written to disk. */
export interface LaunchPlan {
  rootless: boolean;
  layout: EngineLayout;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Set when root launches rootless dockerd for another user (tests): spawn drops to this account. */
  account?: UserAccount;
  /** XDG_RUNTIME_DIR for rootless dockerd; created 0700 and owned by the engine's user. */
  runtimeDir?: string;
}

export async function findExecutable(
  name: string,
  env: NodeJS.ProcessEnv,
  extra: string[] = [],
  standardDirs: string[] = EXTRA_DIRS,
): Promise<string | undefined> {
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...standardDirs, ...extra];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

export async function lookupUser(name: string): Promise<UserAccount | undefined> {
  const passwd = (await readFile('/etc/passwd', 'utf8').catch(() => '')).split('\n');
  for (const line of passwd) {
    const [user, , uid, gid, , home] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined && home !== undefined) {
      return { user, uid: Number(uid), gid: Number(gid), home };
    }
  }
  return undefined;
}

/** newuidmap needs a subordinate id range for the user, by name or by uid, in both files. */
export async function hasSubIds(user: string, uid: number, files = ['/etc/subuid', '/etc/subgid']): Promise<boolean> {
  const hasRange = async (file: string) =>
    (await readFile(file, 'utf8').catch(() => ''))
      .split('\n')
      .some((l) => l.startsWith(`${user}:`) || l.startsWith(`${uid}:`));
  for (const file of files) if (!(await hasRange(file))) return false;
  return true;
}

export function resolveRootless(opts: EmbeddedEngineOptions, uid: number): boolean {
  const mode = opts.mode ?? 'auto';
  if (mode === 'auto') return opts.runAsUser !== undefined || uid !== 0;
  return mode === 'rootless';
}

/** The layout as every caller (start, stop, candidate) must see it, including a runAsUser's socket fallback. */
export function layoutFor(opts: EmbeddedEngineOptions, account: UserAccount | undefined): EngineLayout {
  const uid = account?.uid ?? process.getuid?.() ?? 0;
  return engineLayout(resolve(opts.dataDir), account ? {} : process.env, uid);
}

/** Where to look, overridable so tests can describe a machine that lacks pieces. */
export interface MachineLookup {
  env: NodeJS.ProcessEnv;
  standardDirs?: string[];
  scriptDirs?: string[];
  subIdFiles?: string[];
}

/** What the rootless engine needs and this machine lacks, named as install hints name them. */
export async function missingRootlessParts(user: string, uid: number, machine: MachineLookup): Promise<string[]> {
  const find = (name: string, extra: string[] = []) => findExecutable(name, machine.env, extra, machine.standardDirs);
  const missing: string[] = [];
  if (!(await find('dockerd'))) missing.push('dockerd');
  if (!(await find('dockerd-rootless.sh', machine.scriptDirs ?? ROOTLESS_SCRIPT_DIRS))) missing.push('dockerd-rootless.sh');
  for (const bin of ['rootlesskit', 'slirp4netns', 'newuidmap', 'newgidmap']) {
    if (!(await find(bin))) missing.push(bin);
  }
  if (!(await hasSubIds(user, uid, machine.subIdFiles))) missing.push('subuid');
  return missing;
}

export async function notInstalled(missing: string[]): Promise<BerthError> {
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => undefined);
  const hint = installHint(process.platform, missing, osRelease);
  return new BerthError(
    ErrorCode.ENGINE_NOT_INSTALLED,
    `Berth cannot start its own container engine: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. ${hint.title}: ${hint.commands.join(' && ')}`,
    hint,
  );
}

export async function planLaunch(opts: EmbeddedEngineOptions): Promise<LaunchPlan> {
  if (process.platform !== 'linux') throw await notInstalled(['dockerd']);
  const myUid = process.getuid?.() ?? 0;
  const rootless = resolveRootless(opts, myUid);
  const account = opts.runAsUser === undefined ? undefined : await lookupUser(opts.runAsUser);
  if (opts.runAsUser !== undefined && !account) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `User '${opts.runAsUser}' does not exist; create it or drop runAsUser.`);
  }
  if (account && myUid !== 0) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, `Only root can start the engine as '${account.user}'; run as that user instead.`);
  }
  if (!rootless && myUid !== 0) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, 'A rootful engine needs root; choose the rootless mode or run Berth as root.');
  }
  if (rootless && myUid === 0 && !account) {
    throw new BerthError(ErrorCode.INVALID_ARGUMENT, 'Rootless dockerd refuses to run as root; pass runAsUser (an unprivileged user) or use the rootful mode.');
  }
  const layout = layoutFor(opts, account);
  const dockerd = await findExecutable('dockerd', process.env);
  const dockerdArgs = [
    '--data-root', layout.dataRoot,
    '--exec-root', layout.execRoot,
    '--pidfile', layout.pidFile,
    '-H', `unix://${layout.socketPath}`,
  ];
  if (!rootless) {
    if (!dockerd) throw await notInstalled(['dockerd']);
    const bridge = opts.bridge ? ['--bridge', opts.bridge.name] : [];
    return { rootless, layout, command: dockerd, args: [...dockerdArgs, ...bridge, ...(opts.extraArgs ?? [])], env: { ...process.env } };
  }
  return planRootless(opts, layout, dockerd, dockerdArgs, account);
}

async function planRootless(
  opts: EmbeddedEngineOptions,
  layout: EngineLayout,
  dockerd: string | undefined,
  dockerdArgs: string[],
  account: UserAccount | undefined,
): Promise<LaunchPlan> {
  const uid = account?.uid ?? process.getuid?.() ?? 0;
  const user = account?.user ?? process.env.USER ?? process.env.LOGNAME ?? String(uid);
  const script = await findExecutable('dockerd-rootless.sh', process.env, ROOTLESS_SCRIPT_DIRS);
  const missing = await missingRootlessParts(user, uid, { env: process.env });
  if (missing.length > 0 || !script || !dockerd) throw await notInstalled(missing.length > 0 ? missing : ['dockerd']);

  const runtimeDir = !account && process.env.XDG_RUNTIME_DIR ? process.env.XDG_RUNTIME_DIR : `/tmp/berth-${uid}`;
  const home = account?.home ?? process.env.HOME ?? '/tmp';
  // The script execs `dockerd` by name inside rootlesskit, so sbin must be on PATH.
  const path = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS].join(delimiter);
  const base = account ? { LANG: process.env.LANG ?? 'C.UTF-8', USER: account.user, LOGNAME: account.user } : { ...process.env };
  const env: NodeJS.ProcessEnv = { ...base, HOME: home, XDG_RUNTIME_DIR: runtimeDir, PATH: path };
  // Bridge options are for rootful engines sharing one host; rootless dockerd has its own network namespace.
  const args = [...dockerdArgs, ...(opts.extraArgs ?? [])];
  return account
    ? { rootless: true, layout, command: script, args, env, account, runtimeDir }
    : { rootless: true, layout, command: script, args, env, runtimeDir };
}
