import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ComposeValidationProblem } from '../../../contract';
import { BerthError } from '../../../base/errors';
import { loadProject } from '../load';
import type { Problem } from '../problems';

/**
 * Validates unsaved editor text with the real loader: the text is written to a private temp file, loaded as if
 * it sat in `workingDir` (so env_file, extends and .env resolve as they will), and every problem is returned
 * with its position. Problems in other files are pinned to the first line, naming that file.
 */
export async function validateText(content: string, fileName = 'compose.yaml', workingDir?: string): Promise<ComposeValidationProblem[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-validate-'));
  const base = path.basename(fileName) || 'compose.yaml';
  const file = path.join(dir, base);
  try {
    await writeFile(file, content, { mode: 0o600 });
    try {
      const project = await loadProject({ files: [file], workingDir: workingDir ?? dir, env: process.env });
      return project.warnings.map((message) => ({ line: 1, col: 1, path: '', message, severity: 'warning' as const }));
    } catch (err) {
      if (!(err instanceof BerthError)) throw err;
      const problems = (err.details as { problems?: Problem[] } | undefined)?.problems ?? [{ path: '', message: err.message }];
      return problems.map((p) => toEditorProblem(p, file, base));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function toEditorProblem(p: Problem, file: string, base: string): ComposeValidationProblem {
  const here = p.file === undefined || p.file === file || p.file === base || path.basename(p.file) === base;
  return {
    line: here ? (p.line ?? 1) : 1,
    col: here ? (p.column ?? 1) : 1,
    path: p.path,
    message: here ? p.message : `${p.file ?? ''}: ${p.message}`,
    severity: 'error',
  };
}
