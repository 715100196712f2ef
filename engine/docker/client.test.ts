import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineCandidate } from '../contract';
import { createDockerClient, dockerOptionsFor } from './client';

const candidate = (endpoint: string, extra: Partial<EngineCandidate> = {}): EngineCandidate => ({
  id: 'x',
  source: 'settings',
  label: 'x',
  endpoint,
  embedded: false,
  ...extra,
});

describe('dockerOptionsFor', () => {
  it('uses the socket path for unix and npipe endpoints, and clears host keys', () => {
    expect(dockerOptionsFor(candidate('unix:///run/x/docker.sock'))).toMatchObject({
      socketPath: '/run/x/docker.sock',
      host: undefined,
    });
    expect(dockerOptionsFor(candidate('npipe:////./pipe/docker_engine')).socketPath).toBe(
      '//./pipe/docker_engine',
    );
    expect(dockerOptionsFor(candidate('npipe://\\\\.\\pipe\\podman')).socketPath).toBe('//./pipe/podman');
  });

  it('uses plain http for tcp without TLS, with the default port', () => {
    expect(dockerOptionsFor(candidate('tcp://10.0.0.5'))).toMatchObject({
      protocol: 'http',
      host: '10.0.0.5',
      port: 2375,
    });
    expect(dockerOptionsFor(candidate('tcp://h:1234'))).toMatchObject({ port: '1234' });
  });

  it('reads TLS material from files or PEM text and carries verification in an agent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-tls-'));
    writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nCA\n');
    const o = dockerOptionsFor(
      candidate('tcp://h', {
        tls: { ca: join(dir, 'ca.pem'), cert: '-----BEGIN CERTIFICATE-----\nC\n', verify: false },
      }),
    );
    expect(o).toMatchObject({ protocol: 'https', port: 2376, ca: '-----BEGIN CERTIFICATE-----\nCA\n' });
    expect(o.agent?.options.rejectUnauthorized).toBe(false);
    expect(() =>
      dockerOptionsFor(candidate('tcp://h', { tls: { ca: join(dir, 'missing.pem'), verify: true } })),
    ).toThrow(/cannot be read/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses the ssh protocol with the user, the SSH agent and a known_hosts check', () => {
    const options = dockerOptionsFor(candidate('ssh://me@box:2222'));
    expect(options).toMatchObject({ protocol: 'ssh', host: 'box', port: 2222, username: 'me' });
    expect(typeof (options.sshOptions as { hostVerifier?: unknown } | undefined)?.hostVerifier).toBe('function');
    expect(dockerOptionsFor(candidate('ssh://box'))).toMatchObject({ port: 22 });
  });

  it('rejects endpoints it cannot use, with a clear message', () => {
    expect(() => dockerOptionsFor(candidate('ftp://x'))).toThrow(/not valid: use unix/);
    expect(() => dockerOptionsFor(candidate('unix://'))).toThrow(/socket path/);
  });

  it('ignores DOCKER_HOST from the environment for an explicit candidate', () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'tcp://elsewhere:2375';
    try {
      const modem = (
        createDockerClient(candidate('unix:///tmp/a.sock')) as unknown as {
          modem: { host?: string; socketPath?: string };
        }
      ).modem;
      expect(modem.host).toBeUndefined();
      expect(modem.socketPath).toBe('/tmp/a.sock');
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });
});
