import { ensureTestImage, startTestEngine, type TestEngine } from './engine';

/**
 * One shared engine for a whole test run, for vitest's `globalSetup` (named setup/teardown) and Playwright's
 * `globalSetup` (default export; the returned function is its teardown). The endpoint reaches the workers
 * through BERTH_TEST_DOCKER_HOST, which they inherit because they are spawned after setup. When that variable is
 * already set, the run uses the engine it names and starts nothing.
 */
let shared: TestEngine | undefined;

export async function setup(): Promise<() => Promise<void>> {
  if (process.env.BERTH_TEST_DOCKER_HOST && !shared) return () => Promise.resolve();
  shared ??= await startTestEngine();
  await ensureTestImage(shared.docker);
  process.env.BERTH_TEST_DOCKER_HOST = shared.endpoint;
  return teardown;
}

export async function teardown(): Promise<void> {
  const engine = shared;
  shared = undefined;
  if (!engine) return;
  delete process.env.BERTH_TEST_DOCKER_HOST;
  await engine.stop();
}

export default setup;
