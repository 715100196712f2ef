import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import type { AuditRecord, ImageAuditRecord } from '../../contract';
import { realCommandDeps } from '../testing/deps';
import { recordingIo } from '../testing/io';
import { auditCommand } from './audit';

const run = promisify(execFile);
let engine: TestEngine;
const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-cli-audit-it-'));
beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  const docker = (...args: string[]) => run('docker', ['-H', engine.endpoint, ...args]);
  await docker('create', '--name', 'risky', '--privileged', '-e', 'DB_PASSWORD=s3cr3t-value', '-p', '8080:80', TEST_IMAGE, 'sleep', '600');
  await docker('create', '--name', 'hardened', '--user', '1000', '--read-only', '--security-opt', 'no-new-privileges', '--memory', '64m', '--cpus', '0.5', '--pids-limit', '64', '--health-cmd', 'true', TEST_IMAGE, 'sleep', '600');
});
afterAll(async () => {
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const deps = realCommandDeps(dir);
async function berth(...argv: string[]) {
  const { io, out, err } = recordingIo();
  const code = await auditCommand(['--data-dir', path.join(dir, 'data'), '--engine', engine.endpoint, ...argv], io, deps);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('berth audit on a real engine', () => {
  it('--json prints a stable array of findings and exits 0', async () => {
    const { code, out } = await berth('--json');
    expect(code).toBe(0);
    const records = JSON.parse(out) as AuditRecord[];
    expect(records.every((r) => r.name === 'risky')).toBe(true);
    const id = (await run('docker', ['-H', engine.endpoint, 'inspect', '-f', '{{.Id}}', 'risky'])).stdout.trim();
    expect(records[0]).toEqual({
      container: id,
      name: 'risky',
      ruleId: 'privileged',
      benchmark: 'CIS Docker Benchmark v1.6.0',
      benchmarkId: '5.5',
      severity: 'high',
      message: 'Runs in privileged mode.',
      fix: expect.stringContaining('--privileged') as string,
    });
    expect(Object.keys(records[0] ?? {})).toEqual(['container', 'name', 'ruleId', 'benchmark', 'benchmarkId', 'severity', 'message', 'fix']);
    expect(records.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['ports-all-interfaces', 'root-user', 'memory-limit', 'no-healthcheck']));
    expect(records.map((r) => r.severity)).toEqual([...records.map((r) => r.severity)].sort((a, b) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b)));
    expect(out).not.toContain('s3cr3t');
  });

  it('prints a table by default, filters by --severity, and rejects bad usage with exit 2', async () => {
    const table = await berth();
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^CONTAINER\s+SEVERITY\s+RULE\s+BENCHMARK\s+FINDING/);
    expect(table.out).toMatch(/risky\s+HIGH\s+privileged\s+CIS 5\.5\s+Runs in privileged mode\./);
    expect(table.out).toMatch(/in 1 of 2 containers\. CIS Docker Benchmark v1\.6\.0/);
    const high = JSON.parse((await berth('--json', '--severity', 'high')).out) as AuditRecord[];
    expect(new Set(high.map((r) => r.severity))).toEqual(new Set(['high']));
    const { io, err } = recordingIo();
    const { runCli } = await import('../cli');
    const code = await runCli(['audit', '--severity', 'urgent'], io, { version: 'test', web: () => Promise.reject(new Error('no')), engine: () => Promise.reject(new Error('no')), compose: () => Promise.resolve(deps) });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('--severity must be high, medium or low, not "urgent".');
  });
});

describe('berth audit --images on a real engine', () => {
  it('--images --json prints image findings with stable fields, never a value', async () => {
    const dockerfile = `FROM ${TEST_IMAGE}\nENV API_TOKEN=tok-s3cr3t\nRUN apk update || true\n`;
    await run('sh', ['-c', `printf '${dockerfile}' | DOCKER_BUILDKIT=0 docker -H ${engine.endpoint} build -q -t audit/leaky:1 -`]);
    const { code, out } = await berth('--images', '--json');
    expect(code).toBe(0);
    const records = JSON.parse(out) as ImageAuditRecord[];
    const id = (await run('docker', ['-H', engine.endpoint, 'image', 'inspect', '-f', '{{.Id}}', 'audit/leaky:1'])).stdout.trim();
    const leaky = records.filter((r) => r.image === id);
    expect(leaky.map((r) => r.ruleId)).toEqual(['image-secrets', 'image-root-user', 'update-alone', 'image-no-healthcheck']);
    expect(Object.keys(leaky[0] ?? {})).toEqual(['image', 'tags', 'ruleId', 'benchmark', 'benchmarkId', 'severity', 'message', 'fix']);
    expect(leaky[0]).toMatchObject({ tags: ['audit/leaky:1'], benchmarkId: '4.10', severity: 'high', message: 'ENV API_TOKEN is set in the image config (values not shown).' });
    expect(out).not.toContain('s3cr3t');
    const table = await berth('--images', '--severity', 'high');
    expect(table.out).toMatch(/^IMAGE\s+SEVERITY\s+RULE\s+BENCHMARK\s+FINDING/);
    expect(table.out).toMatch(/audit\/leaky:1\s+HIGH\s+image-secrets\s+CIS 4\.10/);
    expect(table.out).not.toMatch(/image-root-user/);
  });
});
