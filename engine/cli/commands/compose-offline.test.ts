import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realDeps } from '../deps';
import { recordingIo } from '../testing/io';
import { composeCommand } from './compose';

// No engine anywhere: DOCKER_HOST points at a socket nobody listens on, HOME has no docker context, and the data
// folder has no embedded engine. `config` must work as `docker compose config` does; other commands must say
// that they need an engine and which command does not.
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'berth-offline-'));
  vi.stubEnv('DOCKER_HOST', `unix://${path.join(dir, 'dead.sock')}`);
  vi.stubEnv('HOME', dir);
  vi.stubEnv('XDG_RUNTIME_DIR', dir);
  vi.stubEnv('DOCKER_CONFIG', path.join(dir, '.docker'));
  writeFileSync(
    path.join(dir, 'compose.yaml'),
    'name: offline\nservices:\n  web:\n    image: nginx:1\n    profiles: [web]\n    volumes: [data:/data]\n  app:\n    build: .\n    develop:\n      watch: [{action: sync, path: ., target: /app}]\nvolumes:\n  data: {}\n',
  );
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

async function berth(...args: string[]) {
  const rec = recordingIo();
  const dataDir = path.join(dir, 'berth-data');
  const code = await composeCommand(['--data-dir', dataDir, ...args], rec.io, { ...(await realDeps().compose()), cwd: dir });
  return { code, out: rec.out.join('\n'), err: rec.err.join('\n'), dataDir };
}

describe('berth compose with no engine reachable', () => {
  it('config prints the resolved project and leaves nothing in the data folder', async () => {
    const r = await berth('--profile', 'web', 'config');
    expect(r.err).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^name: offline$/m);
    expect(r.out).toMatch(/image: nginx:1/);
    expect(existsSync(r.dataDir)).toBe(false);
  });

  it('config --services, --profiles, --images, --volumes, -q, --format json and -o work', async () => {
    expect((await berth('config', '--services')).out).toBe('app');
    expect((await berth('--profile', 'web', 'config', '--services')).out).toBe('web\napp');
    expect((await berth('config', '--profiles')).out).toBe('web');
    expect((await berth('--profile', 'web', 'config', '--images')).out).toBe('offline-app\nnginx:1');
    expect((await berth('config', '--volumes')).out).toBe('data');
    const quiet = await berth('config', '-q');
    expect([quiet.code, quiet.out]).toEqual([0, '']);
    const json = JSON.parse((await berth('config', '--format', 'json')).out) as { name: string; services: Record<string, unknown> };
    expect(json.name).toBe('offline');
    expect(Object.keys(json.services)).toEqual(['app']);
    const file = path.join(dir, 'out.yaml');
    expect((await berth('config', '-o', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^name: offline$/m);
  });

  it('config -q fails with the located problem when the file is invalid', async () => {
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: [1]\n');
    const r = await berth('config', '-q');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/compose\.yaml:3:5: services\.web\.image: must be a string/);
  });

  it('a command that touches containers says it needs an engine and that config does not', async () => {
    const r = await berth('ps');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No container engine answers, and 'berth compose ps' needs one/);
    expect(r.err).toMatch(/Only 'config' .* works without one/);
    expect(r.err).toContain(path.join(dir, 'dead.sock'));
  });

  it('says the same when the engine named by --engine does not answer', async () => {
    const r = await berth('--engine', `unix://${path.join(dir, 'other.sock')}`, 'up', '-d');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/'berth compose up' needs a container engine: .*Only 'config'/);
  });
});
