import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MethodParams } from '../../contract';
import { BerthError } from '../../base/errors';
import { loadEnvFile, loadProject, type ComposeProject } from '../compose';
import { StackFieldError } from './convert-deploy';
import { toStackPlan, type StackPlan } from './convert';

export type StackSource = MethodParams<'stacks.deploy'>['source'];

const FILE = 'compose.yaml';
const MAX_OBJECT_BYTES = 500 * 1024; // Swarm's limit for a secret or config

async function readObject(file: string): Promise<Buffer> {
  const data = await readFile(file);
  if (data.length > MAX_OBJECT_BYTES) throw new StackFieldError(`${file} is ${data.length} bytes; Swarm secrets and configs hold at most 500 KB`);
  return data;
}

/**
 * Loads a stack file with Berth's compose loader (interpolation from `env` only, schema, file:line problems) and
 * maps it to the stack plan. Text is loaded from a private temp file as if it sat in `workingDir`; problems name
 * it `compose.yaml`. Every problem is an INVALID_ARGUMENT before anything is created.
 */
export async function loadStack(name: string, source: StackSource): Promise<{ project: ComposeProject; plan: StackPlan; text?: string }> {
  const env = source.env ?? {};
  const dir = source.content !== undefined ? await mkdtemp(path.join(os.tmpdir(), 'berth-stack-')) : undefined;
  try {
    let files = source.files ?? [];
    if (dir !== undefined) {
      files = [path.join(dir, FILE)];
      await writeFile(files[0] ?? '', source.content ?? '', { mode: 0o600 });
    }
    const workingDir = source.workingDir ?? dir ?? path.dirname(files[0] ?? '.');
    const envFiles = (source.envFiles ?? []).map((f) => path.resolve(workingDir, f));
    const project = await loadProject({ files, workingDir, projectName: name, env, ...(envFiles.length ? { envFiles } : {}) })
      .catch((err: unknown) => {
        throw dir !== undefined ? withoutTempDir(err, dir) : err;
      });
    const plan = await toStackPlan(project, name, await withEnvFiles(env, envFiles), readObject);
    const text = source.content ?? (files.length === 1 ? await readFile(files[0] ?? '', 'utf8') : undefined);
    return { project, plan, ...(text !== undefined ? { text } : {}) };
  } catch (err) {
    if (err instanceof StackFieldError) throw new BerthError('INVALID_ARGUMENT', err.message, { problems: [{ path: err.message.split(':')[0] ?? '', message: err.message }] });
    throw err;
  } finally {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The environment secrets' and configs' `environment:` read: the `--env-file` values under the given ones (the
 * loader has already read these files, so a missing one was reported as an INVALID_ARGUMENT before this).
 */
async function withEnvFiles(env: Record<string, string>, envFiles: string[]): Promise<Record<string, string>> {
  const merged: Record<string, string> = {};
  const lookup = (k: string) => env[k] ?? merged[k];
  for (const file of envFiles) Object.assign(merged, await loadEnvFile(file, 'env file', lookup, () => undefined));
  return { ...merged, ...env };
}

/** Problems in the temp file are reported against `compose.yaml`, the file the user typed. */
function withoutTempDir(err: unknown, dir: string): unknown {
  if (!(err instanceof BerthError)) return err;
  const strip = (s: string) => s.split(`${dir}${path.sep}`).join('');
  const details = err.details as { problems?: { file?: string; text?: string; message: string }[] } | undefined;
  const problems = details?.problems?.map((p) => ({ ...p, ...(p.file ? { file: strip(p.file) } : {}), ...(p.text ? { text: strip(p.text) } : {}), message: strip(p.message) }));
  return new BerthError(err.code, strip(err.message), problems ? { ...details, problems } : details);
}
