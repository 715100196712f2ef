import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { TEST_DIR_PREFIX, track, untrack } from './cleanup';
import { startTestSwarm, stopTestSwarm, type TestSwarmInfo } from './swarm';

/**
 * The shared 3-node test swarm, started lazily: the run's global setup only reserves a folder and names it in
 * BERTH_TEST_SWARM_DIR (cheap, so runs that need no swarm pay nothing); the first test file that asks for the
 * swarm creates it there (under a lock, so parallel workers wait for one creation), and every later file reads
 * `swarm.json`. The nodes are detached and outlive the worker that made them; the global teardown (or, should
 * the run be killed, the next run's orphan reaping through the folder's owner record) destroys them.
 *
 * In a vitest file: `const swarm = useTestSwarm();` (use-test-swarm.ts); in a Playwright spec:
 * `await sharedTestSwarm(process.env.BERTH_TEST_SWARM_DIR!)` in beforeAll. Then `swarm.info` (TestSwarmInfo). Tests
 * share the swarm: remove the services, stacks, secrets and configs you create, and undo node changes (drain).
 */
export const SWARM_DIR_ENV = 'BERTH_TEST_SWARM_DIR';
const INFO_FILE = 'swarm.json';
const ERROR_FILE = 'swarm-error.txt';

export async function setup(): Promise<() => Promise<void>> {
  if (process.env[SWARM_DIR_ENV]) return () => Promise.resolve();
  const dir = await mkdtemp(join('/tmp', TEST_DIR_PREFIX));
  track(dir, undefined);
  process.env[SWARM_DIR_ENV] = dir;
  return async () => {
    delete process.env[SWARM_DIR_ENV];
    untrack(dir);
    // Nothing to do when no test asked for the swarm; stopTestSwarm then only removes the folder.
    await stopTestSwarm(dir);
  };
}

export default setup;

/** The run's shared swarm: created on the first call in the reserved folder, read from it afterwards. */
export async function sharedTestSwarm(dir: string, timeoutMs = 240_000): Promise<TestSwarmInfo> {
  const lock = join(dir, 'swarm.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(join(dir, INFO_FILE))) return JSON.parse(readFileSync(join(dir, INFO_FILE), 'utf8')) as TestSwarmInfo;
    if (existsSync(join(dir, ERROR_FILE))) throw new Error(`The shared test swarm failed to start: ${readFileSync(join(dir, ERROR_FILE), 'utf8')}`);
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the shared test swarm in ${dir}`);
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      const info = await startTestSwarm({ dataDir: dir });
      console.log(`[harness] shared ${info.nodes.length}-node test swarm started in ${info.startMs} ms`);
      writeFileSync(join(dir, INFO_FILE), JSON.stringify(info, null, 2));
      return info;
    } catch (err) {
      writeFileSync(join(dir, ERROR_FILE), err instanceof Error ? err.message : String(err));
      throw err;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
