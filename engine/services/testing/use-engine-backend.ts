import { afterAll, beforeAll } from 'vitest';
import { ensureTestImage, startTestEngine, type TestEngine } from '../../../e2e/harness/engine';
import { startBackend, type TestBackend } from './backend';

export interface EngineBackend {
  /** The harness engine; set once beforeAll has run. */
  engine: TestEngine;
  /** A backend pointed at `engine`, already connected; set once beforeAll has run. */
  t: TestBackend;
}

/**
 * Registers the usual integration setup for the calling test file: beforeAll starts a harness engine with
 * the test image and a connected backend on it; afterAll disposes the backend, then stops the engine.
 */
export function useEngineBackend(): EngineBackend {
  const env = {} as EngineBackend;
  beforeAll(async () => {
    env.engine = await startTestEngine();
    await ensureTestImage(env.engine.docker);
    env.t = await startBackend(env.engine.endpoint);
    await env.t.log.status('connected');
  });
  afterAll(async () => {
    await (env.t as TestBackend | undefined)?.dispose();
    await (env.engine as TestEngine | undefined)?.stop();
  });
  return env;
}
