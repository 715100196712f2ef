// Every path the build and start scripts agree on, in one place.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(root, 'dist');

export const targets = {
  cli: {
    entry: join(root, 'engine', 'cli', 'main.ts'),
    // What `berth` runs: a small ES module that starts the bundle (dist/cli-<hash>.cjs) with a code cache.
    launcher: join(root, 'engine', 'cli', 'launch', 'launcher.ts'),
    out: join(dist, 'cli.mjs'),
  },
  electronMain: {
    entry: join(root, 'electron', 'main', 'index.ts'),
    out: join(dist, 'electron', 'main.cjs'),
  },
  electronPreload: {
    entry: join(root, 'electron', 'preload', 'index.ts'),
    out: join(dist, 'electron', 'preload.cjs'),
  },
  renderer: { entry: join(root, 'renderer', 'index.html'), out: join(dist, 'renderer', 'index.html') },
};

/** What every Node bundle (the CLI, Electron's main and preload) is built with. */
export const nodeBundleBase = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

export const viteConfig = join(root, 'vite.config.ts');

/** Source trees whose changes make dist stale. */
export const sourceRoots = ['engine', 'electron', 'renderer', 'assets', 'vite.config.ts', 'package.json'].map(
  (p) => join(root, p),
);

/** The outputs this checkout should have: parts whose entry does not exist yet are not expected. */
export function expectedOutputs() {
  return Object.values(targets)
    .filter((t) => existsSync(t.entry))
    .map((t) => t.out);
}
