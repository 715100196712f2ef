// Decides whether `npm start` must build first: dist missing, or any source newer than the oldest output.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expectedOutputs, root, sourceRoots } from './paths.mjs';

// Tests and their helpers do not end up in dist, so editing one must not trigger a rebuild.
const SKIP_DIRS = new Set([
  'node_modules',
  'dist',
  '.git',
  'coverage',
  'test-results',
  'test',
  'testing',
  '__tests__',
]);
const isTest = (name) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name) || /^test-.*\.[cm]?[jt]sx?$/.test(name);

/** Newest modification time (ms) under the given files/folders, and the file that has it. */
export function newestSource(paths = sourceRoots) {
  let newest = { mtimeMs: 0, file: undefined };
  const visit = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
        if (entry.isFile() && isTest(entry.name)) continue;
        visit(join(path, entry.name));
      }
    } else if (st.mtimeMs > newest.mtimeMs) {
      newest = { mtimeMs: st.mtimeMs, file: path };
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

/** { stale: boolean, reason: string } for the current checkout. */
export function buildState(outputs = expectedOutputs(), sources = sourceRoots) {
  let oldest = Infinity;
  for (const out of outputs) {
    try {
      oldest = Math.min(oldest, statSync(out).mtimeMs);
    } catch {
      return { stale: true, reason: `${relative(root, out)} is missing` };
    }
  }
  const newest = newestSource(sources);
  if (newest.mtimeMs > oldest) {
    return { stale: true, reason: `${relative(root, newest.file)} changed since the last build` };
  }
  return { stale: false, reason: 'dist is up to date' };
}
