import type { ContainerSummary, EngineStatus, NetworkSummary } from '../api/contract';

export function container(name: string, overrides: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    id: `${name}-id`,
    name,
    image: 'nginx:alpine',
    imageId: 'sha256:abc',
    command: 'nginx -g daemon off;',
    state: 'running',
    status: 'Up 3 minutes',
    created: Math.floor(Date.now() / 1000) - 180,
    ports: [],
    labels: {},
    ...overrides,
  };
}

export const connectedStatus: EngineStatus = {
  state: 'connected',
  since: 0,
  engine: {
    id: 'default',
    source: 'default-socket',
    label: 'Default socket',
    endpoint: 'unix:///var/run/docker.sock',
    embedded: false,
  },
  version: { version: '27.3.1', apiVersion: '1.47', os: 'linux', arch: 'amd64', product: 'docker' },
};

/** A network as networks.list describes it (the engine's predefined names are marked predefined). */
export function network(name: string, overrides: Partial<NetworkSummary> = {}): NetworkSummary {
  return {
    id: `${name}-id`,
    name,
    driver: 'bridge',
    scope: 'local',
    ipam: [],
    internal: false,
    attachable: false,
    ingress: false,
    ipv6: false,
    labels: {},
    containers: [],
    predefined: ['bridge', 'host', 'none'].includes(name),
    ...overrides,
  };
}
