import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toContainerSummary } from './container-summary';

const info = (over: Partial<Dockerode.ContainerInfo>): Dockerode.ContainerInfo => ({
  Id: 'abc',
  Names: ['/web'],
  Image: 'nginx:1',
  ImageID: 'sha256:1',
  Command: 'nginx -g daemon off;',
  Created: 1700000000,
  Ports: [],
  Labels: {},
  State: 'running',
  Status: 'Up 3 minutes',
  HostConfig: { NetworkMode: 'bridge' },
  NetworkSettings: { Networks: {} },
  Mounts: [],
  ...over,
});

describe('toContainerSummary', () => {
  it('strips the slash, prefers the own name over link aliases, and reads compose labels', () => {
    const s = toContainerSummary(
      info({
        Names: ['/app/db-alias', '/db'],
        Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'db' },
      }),
    );
    expect(s).toMatchObject({ name: 'db', composeProject: 'shop', composeService: 'db', state: 'running' });
    expect(toContainerSummary(info({})).composeProject).toBeUndefined();
  });

  it('maps ports, drops exact duplicates and sorts them', () => {
    const s = toContainerSummary(
      info({
        Ports: [
          { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
          { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
          { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
          { PrivatePort: 53, Type: 'udp' } as Dockerode.Port,
        ],
      }),
    );
    expect(s.ports).toEqual([
      { privatePort: 53, protocol: 'udp' },
      { ip: '0.0.0.0', privatePort: 80, publicPort: 8080, protocol: 'tcp' },
      { ip: '::', privatePort: 80, publicPort: 8080, protocol: 'tcp' },
    ]);
  });

  it('treats an unknown state as dead rather than inventing one', () => {
    expect(toContainerSummary(info({ State: 'weird' })).state).toBe('dead');
  });
});
