import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

export interface BerthWeb {
  /** Signs a browser in with the API token (`/#token=`): usable by every spec, unlike the printed link. */
  url: string;
  /** The link `berth web` printed: a one-time login code, works once. */
  loginUrl: string;
  origin: string;
  /** The API token, from the 0600 web.json in the data dir (never printed). */
  token: string;
  /** With `--accounts` on a new data dir: the one-time setup token `berth web` printed for the first admin. */
  setupToken?: string;
  process: ChildProcess;
  /** Stops the process and deletes its data dir (unless it was given); `keepLogAs` first copies its log there. */
  stop(options?: { keepLogAs?: string }): Promise<void>;
}

const repoRoot = new URL('../..', import.meta.url).pathname;

/**
 * Starts Berth's web mode exactly as a user would (`node dist/cli.mjs web`), on a private data dir, pointed at
 * the given engine, and waits for its one-line "Berth is running at URL" announcement. `dataDir` names an existing
 * Berth data dir to use instead (e.g. the shared test swarm's, whose Local cluster it then shows); it is kept.
 */
export async function startBerthWeb(options: {
  engine: string;
  dataDir?: string;
  timeoutMs?: number;
  /** More `berth web` flags (e.g. --accounts). */
  args?: string[];
}): Promise<BerthWeb> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'berth-e2e-data-'));
  const logFd = openSync(join(dataDir, 'berth-web.log'), 'a');
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'dist/cli.mjs'),
      'web',
      '--port',
      '0',
      '--no-open',
      '--engine',
      options.engine,
      '--data-dir',
      dataDir,
      ...(options.args ?? []),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', logFd] },
  );
  let setupToken: string | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('berth web did not print its URL in time')),
      options.timeoutMs ?? 30_000,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      setupToken ??= /one-time setup token: (\S+)/.exec(line)?.[1];
      const m = /Berth is running at (\S+)/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`berth web exited early with code ${code}; see ${dataDir}/berth-web.log`));
    });
  });
  const parsed = new URL(url);
  // Written before the URL line is printed.
  const { token } = JSON.parse(readFileSync(join(dataDir, 'web.json'), 'utf8')) as { token: string };
  return {
    url: `${parsed.origin}/#token=${token}`,
    loginUrl: url,
    origin: parsed.origin,
    token,
    ...(setupToken ? { setupToken } : {}),
    process: child,
    async stop({ keepLogAs } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      if (keepLogAs) {
        mkdirSync(dirname(keepLogAs), { recursive: true });
        copyFileSync(join(dataDir, 'berth-web.log'), keepLogAs);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
