import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import type { ClusterMechanismInfo } from '../../contract';
import { createDockerClient } from '../../docker/client';
import type { ServiceContext } from '../context';
import { TarParser } from '../common/tar';
import { nodeNames, type Mechanism } from './mechanism';
import {
  CLUSTER_LABEL,
  DIND_CERT_DIR,
  dindContainerName,
  dindContainerSpec,
  dindEndpointOf,
  dindNetworkName,
  dindNetworkSpec,
  dindVolumeName,
} from './dind-plan';
import { clusterDir, type ClusterState, type StoredNode } from './state';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Docker-in-docker is usable wherever Berth has an engine; it is not exercised on a real engine in our tests. */
export function dindAvailability(ctx: ServiceContext): ClusterMechanismInfo {
  const info = { mechanism: 'dind' as const };
  if (ctx.engine.getStatus().state !== 'connected') {
    return { ...info, usable: false, reason: 'Needs a connected engine to run the node containers on.' };
  }
  return {
    ...info,
    usable: true,
    reason:
      "Privileged docker:dind containers on the current engine (the image is pulled if missing); not verified on a real engine by Berth's tests.",
  };
}

/** Nodes as privileged dind containers on the engine Berth is connected to, reached over TLS on 127.0.0.1. */
export function dindMechanism(ctx: ServiceContext, dataDir: string): Mechanism {
  const host = (state: ClusterState) =>
    state.hostEndpoint
      ? createDockerClient({
          id: 'cluster-host',
          source: 'settings',
          label: 'cluster host',
          endpoint: state.hostEndpoint,
          embedded: false,
        })
      : ctx.engine.docker();
  const client = (node: StoredNode) => {
    const certDir = node.certDir ?? '';
    return createDockerClient({
      id: node.name,
      source: 'settings',
      label: node.name,
      endpoint: node.endpoint,
      embedded: false,
      tls: {
        ca: join(certDir, 'ca.pem'),
        cert: join(certDir, 'cert.pem'),
        key: join(certDir, 'key.pem'),
        verify: false,
      },
    });
  };
  return {
    kind: 'dind',
    async prepare(state) {
      state.hostEndpoint ??= ctx.engine.getStatus().engine?.endpoint;
      const docker = host(state);
      await ensureImage(docker, state.image ?? 'docker:dind');
      state.network = dindNetworkName(state.id);
      const existing = await docker.listNetworks({ filters: { label: [`${CLUSTER_LABEL}=${state.id}`] } });
      if (!existing.length) await docker.createNetwork(dindNetworkSpec(state.id));
    },
    planNodes(state, count, managers) {
      return nodeNames(count, managers).map((n) => ({
        ...n,
        address: '',
        endpoint: '',
        container: dindContainerName(state.id, n.index),
        certDir: join(clusterDir(dataDir), `node${n.index}`, 'certs'),
      }));
    },
    async startNode(state, node) {
      const docker = host(state);
      const name = node.container ?? dindContainerName(state.id, node.index);
      const found = await docker
        .getContainer(name)
        .inspect()
        .catch(() => undefined);
      if (!found)
        await docker.createContainer(dindContainerSpec(state.id, node, state.image ?? 'docker:dind'));
      if (!found?.State.Running) await docker.getContainer(name).start();
      const inspect = await docker.getContainer(name).inspect();
      Object.assign(node, dindEndpointOf(inspect, state.network ?? dindNetworkName(state.id)));
      // The entrypoint writes the client certificates before dockerd listens; fetch them, then wait for /_ping.
      await waitFor(
        async () => {
          await copyClientCerts(docker, name, node.certDir ?? '');
          await client(node).ping();
        },
        60_000,
        `${node.name}'s engine`,
      );
    },
    async nodeState(state, node) {
      const inspect = await host(state)
        .getContainer(node.container ?? '')
        .inspect()
        .catch(() => undefined);
      if (!inspect?.State.Running) return { running: false };
      const ok = await client(node)
        .ping()
        .then(
          () => true,
          () => false,
        );
      return ok ? { running: true, pid: inspect.State.Pid } : { running: false };
    },
    client,
    async removeNode(state, node) {
      const docker = host(state);
      await docker
        .getContainer(node.container ?? '')
        .remove({ force: true })
        .catch(() => undefined);
      await docker
        .getVolume(dindVolumeName(state.id, node.index))
        .remove()
        .catch(() => undefined);
      if (node.certDir) await rm(join(node.certDir, '..'), { recursive: true, force: true });
    },
    async removeShared(state) {
      if (state.network)
        await host(state)
          .getNetwork(state.network)
          .remove()
          .catch(() => undefined);
    },
    async leftovers(state) {
      const docker = host(state);
      const filters = { label: [`${CLUSTER_LABEL}=${state.id}`] };
      const containers = await docker.listContainers({ all: true, filters });
      const networks = await docker.listNetworks({ filters });
      return [
        ...containers.map((c) => `container ${c.Names[0] ?? c.Id}`),
        ...networks.map((n) => `network ${n.Name}`),
      ];
    },
  };
}

async function ensureImage(docker: Dockerode, image: string): Promise<void> {
  if (
    await docker
      .getImage(image)
      .inspect()
      .then(
        () => true,
        () => false,
      )
  )
    return;
  const stream = await docker.pull(image);
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (err) => (err ? reject(err) : resolve())),
  );
}

async function copyClientCerts(docker: Dockerode, container: string, certDir: string): Promise<void> {
  const archive = await docker.getContainer(container).getArchive({ path: `${DIND_CERT_DIR}/client` });
  const files = new Map<string, Buffer[]>();
  let current: Buffer[] | undefined;
  const parser = new TarParser({
    entry: (h) => {
      const base = h.name.split('/').pop() ?? '';
      current = h.type === 'file' && ['ca.pem', 'cert.pem', 'key.pem'].includes(base) ? [] : undefined;
      if (current) files.set(base, current);
      return current !== undefined;
    },
    data: (chunk) => current?.push(Buffer.from(chunk)),
  });
  for await (const chunk of archive) parser.push(Buffer.from(chunk as Buffer));
  if (files.size < 3) throw new Error('the client certificates are not written yet');
  await mkdir(certDir, { recursive: true, mode: 0o700 });
  for (const [name, parts] of files)
    await writeFile(join(certDir, name), Buffer.concat(parts), { mode: 0o600 });
}

async function waitFor(check: () => Promise<void>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (err) {
      last = err;
      await sleep(500);
    }
  }
  throw new Error(
    `${what} did not answer within ${timeoutMs / 1000} s: ${last instanceof Error ? last.message : String(last)}`,
  );
}
