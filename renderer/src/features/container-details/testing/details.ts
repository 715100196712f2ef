import type { ContainerDetails } from '../../../api/contract';

/** A container as containers.inspect describes it, for component tests. */
export function details(overrides: Partial<ContainerDetails> = {}): ContainerDetails {
  return {
    id: 'abc123',
    name: 'web',
    image: 'nginx:alpine',
    imageId: 'sha256:1',
    state: 'running',
    statusText: 'Running',
    health: 'none',
    exitCode: 0,
    oomKilled: false,
    pid: 42,
    created: '2024-05-01T10:00:00Z',
    startedAt: '2024-05-01T10:00:01Z',
    entrypoint: ['/docker-entrypoint.sh'],
    command: ['nginx', '-g', 'daemon off;'],
    workingDir: '/',
    user: '',
    hostname: 'abc123',
    tty: false,
    openStdin: false,
    restartPolicy: { name: 'unless-stopped', maximumRetryCount: 0 },
    restartCount: 0,
    privileged: false,
    readOnlyRootfs: false,
    resources: { cpus: 0.5, cpuShares: 0, memory: 256 * 1024 * 1024, memoryReservation: 0, pidsLimit: 0 },
    env: [{ key: 'NGINX_PORT', value: '80' }],
    mounts: [{ type: 'volume', source: 'webdata', destination: '/usr/share/nginx/html', readOnly: false }],
    ports: [{ ip: '0.0.0.0', privatePort: 80, publicPort: 8080, protocol: 'tcp' }],
    networkMode: 'bridge',
    networks: [{ name: 'bridge', ipAddress: '172.17.0.2/16', gateway: '172.17.0.1', aliases: ['web'] }],
    labels: { 'com.example.team': 'berth' },
    raw: { Id: 'abc123', State: { Status: 'running', Pid: 42 }, Config: { Image: 'nginx:alpine' } },
    ...overrides,
  };
}
