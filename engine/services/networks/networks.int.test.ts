import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useEngineBackend } from '../testing/use-engine-backend';
import { TEST_IMAGE } from '../../../e2e/harness/engine';
import type { NetworkDetails, NetworkPrunePreview, NetworkPruneResult, NetworkSummary } from '../../contract';
import { call } from '../testing/backend';
import { errorOf } from '../testing/transfer';

const run = promisify(execFile);
const env = useEngineBackend();
const docker = async (...args: string[]) => (await run('docker', ['-H', env.engine.endpoint, ...args])).stdout.trim();
const list = () => call<NetworkSummary[]>(env.t.backend, 'networks.list');
const create = (input: Record<string, unknown>) => call<NetworkSummary>(env.t.backend, 'networks.create', input);

describe('networks service against a real engine', () => {
  it('lists what `docker network ls` lists, with IPAM and attached containers', async () => {
    await docker('network', 'create', '--subnet', '10.77.0.0/24', '--label', 'com.docker.compose.project=shop', 'shop_default');
    await docker('run', '-d', '--name', 'web-1', '--network', 'shop_default', '--network-alias', 'web', TEST_IMAGE, 'sleep', '600');
    const networks = await list();
    const cli = (await docker('network', 'ls', '--no-trunc', '-q')).split('\n').sort();
    expect(networks.map((n) => n.id).sort()).toEqual(cli);
    const shop = networks.find((n) => n.name === 'shop_default');
    expect(shop).toMatchObject({ driver: 'bridge', scope: 'local', composeProject: 'shop', predefined: false, ipam: [{ subnet: '10.77.0.0/24' }] });
    expect(shop?.containers).toMatchObject([{ containerName: 'web-1', state: 'running', ipv4Address: expect.stringMatching(/^10\.77\.0\.\d+$/) as string }]);
    expect(networks.filter((n) => n.predefined).map((n) => n.name).sort()).toEqual(['bridge', 'host', 'none']);
    const details = await call<NetworkDetails>(env.t.backend, 'networks.inspect', { id: 'shop_default' });
    expect(details.containers[0]?.ipv4Address).toMatch(/^10\.77\.0\.\d+$/);
  });

  it('creates networks with validated IPAM that the docker CLI sees', async () => {
    const made = await create({ name: 'backend', subnet: '172.31.5.0/24', gateway: '172.31.5.1', ipRange: '172.31.5.128/25', internal: true, attachable: true, labels: { tier: 'db' } });
    expect(made).toMatchObject({ name: 'backend', internal: true, attachable: true, labels: { tier: 'db' }, ipam: [{ subnet: '172.31.5.0/24', gateway: '172.31.5.1', ipRange: '172.31.5.128/25' }] });
    expect(await docker('network', 'inspect', '-f', '{{.Internal}} {{(index .IPAM.Config 0).Gateway}}', 'backend')).toBe('true 172.31.5.1');

    const bad = async (input: Record<string, unknown>) => errorOf(create({ name: 'nope', ...input }));
    expect(await bad({ subnet: '172.32.0.0/33' })).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/not a valid subnet/) as string });
    expect(await bad({ subnet: '172.32.0.1/16' })).toMatchObject({ message: '"172.32.0.1/16" has host bits set; did you mean 172.32.0.0/16?' });
    expect(await bad({ subnet: '172.32.0.0/16', gateway: '10.0.0.1' })).toMatchObject({ message: 'The gateway 10.0.0.1 is not inside the subnet 172.32.0.0/16.' });
    expect(await bad({ subnet: '172.32.0.0/16', ipRange: '172.33.0.0/24' })).toMatchObject({ message: 'The IP range 172.33.0.0/24 is not inside the subnet 172.32.0.0/16.' });
    expect(await bad({ gateway: '10.0.0.1' })).toMatchObject({ message: 'A gateway or IP range needs a subnet; enter the subnet too.' });
    expect(await bad({ driver: 'overlay' })).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^Overlay networks need swarm mode/) as string });
    expect(await bad({ name: 'bad name!' })).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await errorOf(create({ name: 'backend' }))).toMatchObject({ code: 'CONFLICT', message: 'A network named "backend" already exists. Choose another name.' });
    // Overlapping subnets are the engine's call (it knows every address pool in use).
    expect(await bad({ subnet: '10.77.0.0/24' })).toMatchObject({
      code: 'CONFLICT',
      message: 'The subnet 10.77.0.0/24 overlaps a network that already exists. Choose another subnet, or leave it empty to let the engine pick one.',
    });
    await expect(docker('network', 'inspect', 'nope')).rejects.toThrow();
  });

  it('connects and disconnects containers with aliases and a fixed address, patching the list', async () => {
    await docker('run', '-d', '--name', 'api', TEST_IMAGE, 'sleep', '600');
    const from = Date.now();
    await call(env.t.backend, 'networks.connect', { network: 'backend', container: 'api', aliases: ['db-api'], ipv4Address: '172.31.5.200' });
    const patched = await env.t.log.waitFor(
      'networks.changed',
      (p) => p.kind === 'patch' && p.upserts.some((n) => n.name === 'backend' && n.containers.some((c) => c.containerName === 'api')),
      { from, timeoutMs: 3_000 },
    );
    const backend = patched.payload.kind === 'patch' ? patched.payload.upserts.find((n) => n.name === 'backend') : undefined;
    expect(backend?.containers[0]).toMatchObject({ ipv4Address: '172.31.5.200' });
    expect(await docker('inspect', '-f', '{{json (index .NetworkSettings.Networks "backend").Aliases}}', 'api')).toContain('db-api');
    const details = await call<NetworkDetails>(env.t.backend, 'networks.inspect', { id: 'backend' });
    expect(details.containers).toMatchObject([{ containerName: 'api', aliases: ['db-api'], ipv4Address: '172.31.5.200' }]);
    expect(await errorOf(call(env.t.backend, 'networks.connect', { network: 'backend', container: 'api' }))).toMatchObject({ code: 'CONFLICT' });
    expect(await errorOf(call(env.t.backend, 'networks.connect', { network: 'backend', container: 'api', ipv4Address: '300.1.1.1' }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '"300.1.1.1" is not a valid IP address.',
    });
    expect(await errorOf(call(env.t.backend, 'networks.connect', { network: 'backend', container: 'ghost' }))).toMatchObject({ code: 'NOT_FOUND' });

    await call(env.t.backend, 'networks.disconnect', { network: 'backend', container: 'api' });
    await env.t.log.waitFor(
      'networks.changed',
      (p) => p.kind === 'patch' && p.upserts.some((n) => n.name === 'backend' && n.containers.length === 0),
      { from, timeoutMs: 3_000 },
    );
    expect(await docker('inspect', '-f', '{{len .NetworkSettings.Networks}}', 'api')).toBe('1');
  });

  it('patches networks created and removed with the docker CLI', async () => {
    const from = Date.now();
    const id = await docker('network', 'create', 'outside');
    await env.t.log.waitFor('networks.changed', (p) => p.kind === 'patch' && p.upserts.some((n) => n.id === id), { from, timeoutMs: 3_000 });
    await docker('network', 'rm', 'outside');
    await env.t.log.waitFor('networks.changed', (p) => p.kind === 'patch' && p.removed.includes(id), { from, timeoutMs: 3_000 });
  });

  it('refuses to remove predefined networks and networks with containers, naming them', async () => {
    for (const name of ['bridge', 'host', 'none']) {
      expect(await errorOf(call(env.t.backend, 'networks.remove', { id: name }))).toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: `"${name}" is one of the engine's predefined networks (bridge, host, none); it cannot be removed.`,
      });
    }
    expect(await errorOf(call(env.t.backend, 'networks.remove', { id: 'shop_default' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Network shop_default has a container attached: web-1. Disconnect or stop it first.',
    });
    expect(await errorOf(call(env.t.backend, 'networks.remove', { id: 'ghost-net' }))).toMatchObject({ code: 'NOT_FOUND' });
    await call(env.t.backend, 'networks.remove', { id: 'backend' });
    await expect(docker('network', 'inspect', 'backend')).rejects.toThrow();
  });

  it('previews and prunes unused networks, keeping those running containers use', async () => {
    await docker('network', 'create', 'unused-1');
    await docker('network', 'create', 'stopped-only');
    await docker('create', '--name', 'sleeper', '--network', 'stopped-only', TEST_IMAGE, 'true');
    const preview = await call<NetworkPrunePreview>(env.t.backend, 'networks.prunePreview');
    expect(preview.networks.map((n) => n.name)).toEqual(['stopped-only', 'unused-1']);
    const result = await call<NetworkPruneResult>(env.t.backend, 'networks.prune');
    expect(result.removed.sort()).toEqual(['stopped-only', 'unused-1']);
    const left = await docker('network', 'ls', '--format', '{{.Name}}');
    expect(left.split('\n').sort()).toEqual(['bridge', 'host', 'none', 'shop_default']);
  });
});
