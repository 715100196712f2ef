import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DomainCall } from '../../context';
import { TemplatesService } from '../service';

/** A TemplatesService over a throwaway data folder; `calls` records what it asked other domains. */
export async function tempTemplates(options: { call?: DomainCall; builtinDir?: string } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-templates-'));
  const calls: { method: string; params: unknown }[] = [];
  const call: DomainCall =
    options.call ??
    ((method, params) => {
      calls.push({ method, params });
      return Promise.reject(new Error(`unexpected call ${method}`));
    });
  // An empty built-in folder unless the test wants the real one: tests see only their own templates.
  const builtinDir = options.builtinDir ?? path.join(dataDir, 'no-builtin');
  const svc = new TemplatesService({ dataDir, call, builtinDir, fetchLimits: { timeoutMs: 3000, maxBytes: 200_000 } });
  return { svc, dataDir, calls, dispose: () => rm(dataDir, { recursive: true, force: true }) };
}
