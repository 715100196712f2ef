import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Server, utils } from 'ssh2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapDockerError } from '../docker/errors';
import { dockerOptionsFor } from '../docker/client';
import { checkHostKey, keyFingerprint, knownHostsVerifier } from './known-hosts';

const keyA = randomBytes(51);
const keyB = randomBytes(51);
const b64 = (k: Buffer) => k.toString('base64');

describe('checkHostKey', () => {
  it('accepts the recorded key of a plain, port-qualified, wildcard or hashed entry', () => {
    expect(checkHostKey(`other,engine.lan ssh-ed25519 ${b64(keyA)}`, 'engine.lan', 22, keyA)).toEqual({
      ok: true,
    });
    expect(checkHostKey(`[engine.lan]:2222 ssh-ed25519 ${b64(keyA)}`, 'engine.lan', 2222, keyA)).toEqual({
      ok: true,
    });
    expect(checkHostKey(`*.lan ssh-ed25519 ${b64(keyA)}`, 'engine.lan', 22, keyA)).toEqual({ ok: true });
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update('engine.lan').digest('base64');
    expect(checkHostKey(`|1|${b64(salt)}|${hash} ssh-ed25519 ${b64(keyA)}`, 'engine.lan', 22, keyA)).toEqual({
      ok: true,
    });
  });

  it('refuses an unknown host, saying what to run', () => {
    const v = checkHostKey(
      `[engine.lan]:2222 ssh-ed25519 ${b64(keyA)}\n*.lan,!engine.lan ssh-ed25519 ${b64(keyA)}`,
      'engine.lan',
      22,
      keyA,
    );
    expect(v).toMatchObject({ ok: false, reason: 'unknown', fingerprint: keyFingerprint(keyA) });
    expect(v.ok ? '' : v.message).toContain('ssh engine.lan');
  });

  it('refuses a changed key loudly, and a revoked one', () => {
    const changed = checkHostKey(`engine.lan ssh-ed25519 ${b64(keyA)}`, 'engine.lan', 22, keyB);
    expect(changed).toMatchObject({ ok: false, reason: 'changed' });
    expect(changed.ok ? '' : changed.message).toMatch(/CHANGED.*ssh-keygen -R engine\.lan/s);
    const revoked = checkHostKey(
      `@revoked * ssh-ed25519 ${b64(keyA)}\nengine.lan ssh-ed25519 ${b64(keyA)}`,
      'engine.lan',
      22,
      keyA,
    );
    expect(revoked).toMatchObject({ ok: false, reason: 'revoked' });
  });
});

describe('ssh:// engines verify the host key over a real SSH handshake', () => {
  let dir: string;
  let server: Server;
  let port: number;
  const hostKey = utils.generateKeyPairSync('ed25519');
  const parsed = utils.parseKey(hostKey.private);
  if (parsed instanceof Error) throw parsed;
  const publicBlob = parsed.getPublicSSH();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'berth-ssh-'));
    server = new Server({ hostKeys: [hostKey.private] }, (client) => {
      client.on('authentication', (ctx) => ctx.accept());
      client.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterEach(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  const connect = (knownHosts: string) =>
    new Promise<'ready'>((resolve, reject) => {
      const file = join(dir, 'known_hosts');
      writeFileSync(file, knownHosts);
      const c = new Client();
      c.on('ready', () => {
        c.end();
        resolve('ready');
      });
      c.on('error', reject);
      c.connect({
        host: '127.0.0.1',
        port,
        username: 'u',
        hostVerifier: knownHostsVerifier('127.0.0.1', port, () => {}, [file]),
      });
    });

  it('connects when known_hosts holds the key', async () => {
    await expect(
      connect(`[127.0.0.1]:${port} ${hostKey.public.split(' ').slice(0, 2).join(' ')}\n`),
    ).resolves.toBe('ready');
    expect(Buffer.from(hostKey.public.split(' ')[1] ?? '', 'base64').equals(publicBlob)).toBe(true);
  });

  it('refuses an unknown or changed key with a clear error', async () => {
    const err = await connect('').catch((e: unknown) => e);
    const mapped = mapDockerError(err);
    expect(mapped.code).toBe('FORBIDDEN');
    expect(mapped.message).toMatch(/host key .* not trusted/i);
    const other = utils.generateKeyPairSync('ed25519').public.split(' ').slice(0, 2).join(' ');
    await expect(connect(`[127.0.0.1]:${port} ${other}\n`)).rejects.toThrow(/Host denied/);
  });

  it('is wired into the options of every ssh:// engine', () => {
    const options = dockerOptionsFor({
      id: 'x',
      source: 'flag', embedded: false,
      label: 'x',
      endpoint: 'ssh://me@engine.lan:2222',
    }) as {
      sshOptions?: { hostVerifier?: unknown };
    };
    expect(typeof options.sshOptions?.hostVerifier).toBe('function');
  });
});
