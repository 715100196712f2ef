import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: fast unit tests (no engine) and integration tests against a real dockerd started by the harness.
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['engine/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          setupFiles: ['renderer/src/testing/setup.ts'],
          // vitest leaves one core free by default, which on a 2-core CI machine means one worker for ~170 files;
          // the unit files are CPU-bound and independent, so every core runs one.
          maxWorkers: Math.max(2, availableParallelism()),
          // The rendered page tests take 1-3 s each on a quiet machine and over 5 s (vitest's default) when the
          // machine is busy; a slow machine must not turn a passing test red. A hung test still fails.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['engine/**/*.int.test.ts', 'e2e/harness/**/*.int.test.ts'],
          // Reserves the shared 3-node swarm's folder; the swarm starts only when a test asks (use-test-swarm.ts).
          globalSetup: ['e2e/harness/swarm-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
