import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../contract';
import { projectStatus, serviceDetails, summarise } from './summaries';

const c = (name: string, state: ContainerSummary['state'], labels: Record<string, string>, status = state === 'running' ? 'Up 1 minute' : 'Exited (0) 1 minute ago'): ContainerSummary => ({
  id: name, name, image: 'busybox', imageId: 'sha256:x', command: 'sleep', state, status, created: 1, ports: [], labels,
});
const v1 = (project: string, service: string) => ({ 'com.docker.compose.project': project, 'com.docker.compose.service': service, 'com.docker.compose.version': '1.29.2', 'com.docker.compose.oneoff': 'False' });
const berth = (project: string, service: string) => ({ ...v1(project, service), 'com.docker.compose.version': '2.24.6', 'io.berth.version': '0.1.0', 'com.docker.compose.project.config_files': '/p/compose.yaml' });

describe('compose project summaries', () => {
  it('derives the status from the service containers', () => {
    expect(projectStatus([c('a', 'running', {}), c('b', 'running', {})])).toBe('running');
    expect(projectStatus([c('a', 'running', {}), c('b', 'exited', {})])).toBe('partial');
    expect(projectStatus([c('a', 'exited', {}, 'Exited (143) 1 minute ago')])).toBe('stopped');
    expect(projectStatus([c('a', 'exited', {}, 'Exited (1) 1 minute ago')])).toBe('exited');
  });

  it('groups containers by project, marks who made them, ignores one-off containers, and adds opened projects', () => {
    const list = summarise(
      [
        c('cli_web_1', 'running', v1('cli', 'web')),
        c('cli_db_1', 'exited', v1('cli', 'db')),
        c('cli_web_run_1', 'running', { ...v1('cli', 'web'), 'com.docker.compose.oneoff': 'True' }),
        c('mine-web-1', 'running', berth('mine', 'web')),
        c('plain', 'running', {}),
      ],
      [{ name: 'fresh', source: { files: ['/f/compose.yaml'], workingDir: '/f' }, services: 3, openedAt: 1 }],
    );
    expect(list).toEqual([
      { name: 'cli', status: 'partial', services: 2, containers: { running: 1, total: 2 }, origin: 'cli', createdBy: 'docker-compose 1.29.2' },
      { name: 'fresh', status: 'stopped', services: 3, containers: { running: 0, total: 0 }, workingDir: '/f', configFiles: ['/f/compose.yaml'], origin: 'berth', createdBy: 'Berth' },
      { name: 'mine', status: 'running', services: 1, containers: { running: 1, total: 1 }, configFiles: ['/p/compose.yaml'], origin: 'berth', createdBy: 'Berth 0.1.0' },
    ]);
  });

  it('lists the model\'s services in order, then services only containers know', () => {
    const details = serviceDetails(
      [c('p-web-1', 'running', berth('p', 'web'), 'Up 1 minute (healthy)'), c('p-old-1', 'exited', berth('p', 'old'))],
      [{ name: 'db', image: 'postgres', replicas: 1, dependsOn: [] }, { name: 'web', image: 'busybox', replicas: 2, dependsOn: ['db'] }],
    );
    expect(details.map((d) => [d.name, d.state, d.replicas, d.health])).toEqual([
      ['db', 'missing', { desired: 1, running: 0 }, undefined],
      ['web', 'running', { desired: 2, running: 1 }, 'healthy'],
      ['old', 'stopped', { running: 0 }, undefined],
    ]);
  });
});
