import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { BerthError } from '../../../base/errors';
import { loadProject } from '../load';
import type { ComposeProject, LoadOptions } from '../model';

export interface ProjectFolder {
  /** A fresh temporary folder for each test. */
  readonly dir: string;
  /** Writes files (paths relative to `dir`, folders created as needed). */
  write: (files: Record<string, string>) => void;
  /** Loads the project in `dir` with an empty environment unless `options` say otherwise. */
  load: (options?: Partial<LoadOptions>) => Promise<ComposeProject>;
  /** The BerthError a load that must fail throws. */
  failure: (options?: Partial<LoadOptions>) => Promise<BerthError>;
}

/** Registers a temporary project folder per test (created before, removed after) for loader unit tests. */
export function useProjectFolder(): ProjectFolder {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'berth-compose-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const load = (options: Partial<LoadOptions> = {}) => loadProject({ workingDir: dir, env: {}, ...options });
  return {
    get dir() {
      return dir;
    },
    write: (files) => {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
    },
    load,
    failure: async (options = {}) => {
      const err: unknown = await load(options).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (err instanceof BerthError) return err;
      throw err instanceof Error ? err : new Error('expected the load to fail');
    },
  };
}
