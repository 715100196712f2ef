import { ensureTestImage, startTestEngine } from '../harness/engine';
import reserveTestSwarm from '../harness/swarm-setup';
import { join } from 'node:path';
import { startBerthWeb } from './berth-web';

/** Where the e2e run's `berth web` log is kept; `npm test` prints its end when e2e fails. */
export const E2E_WEB_LOG = join(
  new URL('../..', import.meta.url).pathname,
  'test-results',
  'e2e-berth-web.log',
);

/**
 * One real dockerd (through Berth's own embedded-engine provider) and one `berth web` for the whole e2e run.
 * Specs read the addresses from the environment; the returned function tears both down, also after failures.
 * It also reserves the shared 3-node swarm's folder (BERTH_TEST_SWARM_DIR, as vitest's integration setup does):
 * the first spec that calls `sharedTestSwarm(dir)` creates the swarm there, and the teardown destroys it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const releaseSwarm = await reserveTestSwarm();
  const engine = await startTestEngine().catch(async (err: unknown) => {
    await releaseSwarm();
    throw err;
  });
  try {
    await ensureTestImage(engine.docker);
    const web = await startBerthWeb({ engine: engine.endpoint });
    process.env.BERTH_E2E_URL = web.url;
    process.env.BERTH_E2E_LOGIN_URL = web.loginUrl;
    process.env.BERTH_E2E_ORIGIN = web.origin;
    process.env.BERTH_E2E_TOKEN = web.token;
    process.env.BERTH_E2E_DOCKER_HOST = engine.endpoint;
    return async () => {
      await web.stop({ keepLogAs: E2E_WEB_LOG });
      await engine.stop();
      await releaseSwarm();
    };
  } catch (err) {
    await engine.stop();
    await releaseSwarm();
    throw err;
  }
}
