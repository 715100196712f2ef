import { afterAll, beforeAll } from 'vitest';
import { track, untrack } from './cleanup';
import { startTestSwarm, stopTestSwarm, type TestSwarmInfo } from './swarm';
import { SWARM_DIR_ENV, sharedTestSwarm } from './swarm-setup';

/**
 * For a vitest file: beforeAll gets the run's shared swarm (BERTH_TEST_SWARM_DIR, see setup), or, when the file
 * runs without that global setup, a swarm of its own that afterAll destroys.
 */
export function useTestSwarm(): { info: TestSwarmInfo } {
  const env = {} as { info: TestSwarmInfo };
  let own: string | undefined;
  beforeAll(async () => {
    const dir = process.env[SWARM_DIR_ENV];
    if (dir) {
      env.info = await sharedTestSwarm(dir);
      return;
    }
    env.info = await startTestSwarm();
    own = env.info.dataDir;
    track(own, undefined);
  }, 300_000);
  afterAll(async () => {
    if (!own) return;
    untrack(own);
    await stopTestSwarm(own);
  }, 120_000);
  return env;
}
