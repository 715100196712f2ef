import type { ComposeProjectDetail, ComposeProjectSummary, TaskInfo, TaskStep } from '../../../api/contract';
import { container } from '../../../testing/fixtures';

export function project(name: string, overrides: Partial<ComposeProjectSummary> = {}): ComposeProjectSummary {
  return {
    name,
    status: 'running',
    services: 2,
    containers: { running: 2, total: 2 },
    workingDir: `/srv/${name}`,
    configFiles: [`/srv/${name}/compose.yaml`],
    origin: 'berth',
    ...overrides,
  };
}

export function detail(summary: ComposeProjectSummary): ComposeProjectDetail {
  return {
    summary,
    source: { workingDir: summary.workingDir ?? '/srv', files: summary.configFiles ?? [], projectName: summary.name },
    services: [
      {
        name: 'web',
        image: 'berth-test/busybox:latest',
        state: 'running',
        replicas: { desired: 1, running: 1 },
        containers: [container(`${summary.name}-web-1`, { composeProject: summary.name, composeService: 'web' })],
        ports: [{ ip: '0.0.0.0', privatePort: 8080, publicPort: 18080, protocol: 'tcp' }],
      },
      {
        name: 'worker',
        image: 'berth-test/busybox:latest',
        state: 'running',
        replicas: { desired: 1, running: 1 },
        containers: [container(`${summary.name}-worker-1`, { composeProject: summary.name, composeService: 'worker' })],
        ports: [],
        dependsOn: ['web'],
      },
    ],
  };
}

export const step = (label: string, state: TaskStep['state'], detail?: string): TaskStep => ({ id: label, label, state, ...(detail ? { detail } : {}) });

export function task(id: string, overrides: Partial<TaskInfo> = {}): TaskInfo {
  return { id, kind: 'compose.up', title: 'Up shop', state: 'running', startedAt: 0, cancellable: true, ...overrides };
}
