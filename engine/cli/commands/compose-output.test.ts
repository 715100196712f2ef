import type { ComposeProjectSummary, ContainerSummary } from '../../contract';
import { lsJson, psJson } from './compose-output';

const container = (over: Partial<ContainerSummary>): ContainerSummary => ({
  id: 'abc123',
  name: 'shop-web-1',
  image: 'nginx:1.27',
  imageId: 'sha256:1',
  command: 'nginx -g daemon off;',
  state: 'running',
  status: 'Up 3 minutes (healthy)',
  created: 1_000_000,
  ports: [{ ip: '0.0.0.0', privatePort: 80, publicPort: 8080, protocol: 'tcp' }, { privatePort: 443, protocol: 'tcp' }],
  labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
  composeProject: 'shop',
  composeService: 'web',
  ...over,
});

describe('compose ps --format json', () => {
  it('prints one object per line with docker compose v2 keys', () => {
    const lines = psJson([container({}), container({ id: 'd', name: 'shop-db-1', composeService: 'db', state: 'exited', status: 'Exited (137) 2 minutes ago', ports: [] })], 1_000_180_000);
    expect(lines).toHaveLength(2);
    const [web, db] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(web).toMatchObject({
      ID: 'abc123',
      Name: 'shop-web-1',
      Image: 'nginx:1.27',
      Command: '"nginx -g daemon off;"',
      Project: 'shop',
      Service: 'web',
      State: 'running',
      Status: 'Up 3 minutes (healthy)',
      Health: 'healthy',
      ExitCode: 0,
      RunningFor: '3 minutes ago',
      Ports: '0.0.0.0:8080->80/tcp, 443/tcp',
      Publishers: [
        { URL: '0.0.0.0', TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp' },
        { URL: '', TargetPort: 443, PublishedPort: 0, Protocol: 'tcp' },
      ],
    });
    expect(web?.Labels).toBe('com.docker.compose.project=shop,com.docker.compose.service=web');
    expect(db).toMatchObject({ Service: 'db', State: 'exited', ExitCode: 137, Health: '', Publishers: [] });
  });

  it('reads a starting health check as compose does', () => {
    expect(JSON.parse(psJson([container({ status: 'Up 2 seconds (health: starting)' })])[0] ?? '{}')).toMatchObject({ Health: 'starting' });
  });
});

describe('compose ls --format json', () => {
  const project = (name: string, running: number, total: number, configFiles?: string[]): ComposeProjectSummary => ({
    name,
    status: running ? 'running' : 'exited',
    services: total,
    containers: { running, total },
    origin: 'berth',
    ...(configFiles ? { configFiles } : {}),
  });

  it('is docker compose array of Name, Status and ConfigFiles', () => {
    expect(JSON.parse(lsJson([project('a', 2, 2, ['/p/a/compose.yaml']), project('b', 1, 3), project('c', 0, 1)]))).toEqual([
      { Name: 'a', Status: 'running(2)', ConfigFiles: '/p/a/compose.yaml' },
      { Name: 'b', Status: 'exited(2), running(1)', ConfigFiles: '' },
      { Name: 'c', Status: 'exited(1)', ConfigFiles: '' },
    ]);
  });
});
