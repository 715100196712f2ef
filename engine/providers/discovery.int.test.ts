import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../e2e/harness/engine';
import type { EngineCandidate } from '../contract';
import { discoverEngines, nodeDiscoveryEnv } from './discovery';
import type { DiscoveryEnv } from './types';

let engine: TestEngine;
let scratch: string;

beforeAll(async () => {
  engine = await startTestEngine();
  scratch = await mkdtemp('/tmp/berth-disc-');
});
afterAll(async () => {
  await engine?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** The real machine, with the environment replaced so the test sees only what it sets up. */
function realMachine(env: NodeJS.ProcessEnv): DiscoveryEnv {
  return { ...nodeDiscoveryEnv(), env, homeDir: join(scratch, 'home') };
}

async function ping(candidate: EngineCandidate | undefined): Promise<string> {
  const socketPath = candidate?.endpoint.replace(/^unix:\/\//, '') ?? '';
  return String((await new Dockerode({ socketPath }).ping()) as unknown);
}

describe('discovery against a real engine', () => {
  it('finds it through DOCKER_HOST=unix://...', async () => {
    const found = await discoverEngines(realMachine({ DOCKER_HOST: engine.endpoint }), { dataDir: join(scratch, 'data') });
    expect(found[0]).toMatchObject({ source: 'docker-host', endpoint: engine.endpoint });
    expect(found.at(-1)?.source).toBe('embedded');
    expect(await ping(found[0])).toBe('OK');
  });

  it('finds it through a docker context created by the real docker CLI in a temp DOCKER_CONFIG', async () => {
    const config = join(scratch, 'docker-config');
    const docker = (...args: string[]) => execFileSync('docker', ['--config', config, ...args], { encoding: 'utf8', stdio: 'pipe' });
    docker('context', 'create', 'berth-it', '--docker', `host=${engine.endpoint}`);
    docker('context', 'use', 'berth-it');
    const found = await discoverEngines(realMachine({ DOCKER_CONFIG: config }), { dataDir: join(scratch, 'data') });
    expect(found[0]).toMatchObject({ id: 'docker-context:berth-it', source: 'docker-context', endpoint: engine.endpoint });
    expect(await ping(found[0])).toBe('OK');
    // The CLI agrees it is the same engine.
    expect(docker('info', '--format', '{{.ID}}').trim()).toBe(((await engine.docker.info()) as { ID: string }).ID);
  });

  it('reads the TLS files the docker CLI stored for a tcp context', async () => {
    const config = join(scratch, 'tls-config');
    const certs = join(scratch, 'certs');
    mkdirSync(certs, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=berth', '-days', '1', '-keyout', join(certs, 'key.pem'), '-out', join(certs, 'cert.pem')], { stdio: 'ignore' });
    const host = `host=tcp://127.0.0.1:2376,ca=${join(certs, 'cert.pem')},cert=${join(certs, 'cert.pem')},key=${join(certs, 'key.pem')}`;
    execFileSync('docker', ['--config', config, 'context', 'create', 'remote-tls', '--docker', host], { stdio: 'ignore' });
    const found = await discoverEngines(realMachine({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'remote-tls' }), { dataDir: join(scratch, 'data') });
    const tls = found[0]?.tls;
    expect(found[0]).toMatchObject({ source: 'docker-context', endpoint: 'tcp://127.0.0.1:2376' });
    expect(tls?.verify).toBe(true);
    const read = (p: string | undefined) => readFileSync(p ?? '/nonexistent', 'utf8');
    expect(read(tls?.cert)).toBe(read(join(certs, 'cert.pem')));
    expect(read(tls?.key)).toContain('PRIVATE KEY');
    expect(read(tls?.ca)).toContain('BEGIN CERTIFICATE');
  });
});
