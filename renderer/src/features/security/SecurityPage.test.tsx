// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { ok, type ContainerAudit } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore } from '../../testing/render';
import { SecurityPage } from './SecurityPage';
import { auditOf } from './testing/audits';

const privileged = auditOf('admin-tool', { privileged: true, restartPolicy: { name: 'always' } }, { project: 'ops', service: 'tool' });
const web = auditOf('web', { ports: [{ containerPort: 80, hostPort: 8080 }], memory: 64 * 1024 * 1024, cpus: 1, pidsLimit: 100 }, { project: 'shop', service: 'web' });
const hardened: ContainerAudit = { id: 'ok-id', name: 'hardened', image: 'busybox', state: 'running', findings: [] };

const setup = (handlers = {}) =>
  renderWithStore(<SecurityPage />, {
    'engine.status': () => ok(connectedStatus),
    'security.list': () => ok([privileged, web, hardened]),
    ...handlers,
  });

describe('SecurityPage', { timeout: 45_000 }, () => {
  it('sums findings by severity and lists them per container with why, fix and the benchmark', async () => {
    const { user } = setup();
    const counts = await screen.findByRole('group', { name: 'Findings by severity' });
    const all = [...privileged.findings, ...web.findings];
    expect(within(counts).getByLabelText(`High: ${all.filter((f) => f.severity === 'high').length}`)).toBeInTheDocument();
    expect(within(counts).getByText('2/3')).toBeInTheDocument();
    const item = screen.getByRole('listitem', { name: 'Privileged container on admin-tool' });
    expect(within(item).getByText('Runs in privileged mode.')).toBeInTheDocument();
    expect(within(item).getByText('CIS 5.5')).toBeInTheDocument();
    expect(within(item).getByText('Advice')).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Why and how to fix' }));
    expect(within(item).getByText(/whoever controls it controls the host/)).toBeInTheDocument();
    expect(within(item).getByText(/CIS Docker Benchmark v1\.6\.0 recommendation 5\.5/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /hardened/ })).not.toBeInTheDocument();
  });

  it('filters by severity, rule, project and search, and groups by compose project', async () => {
    const { user } = setup();
    await screen.findByRole('listitem', { name: 'Privileged container on admin-tool' });
    await user.click(screen.getByRole('combobox', { name: 'Severity' }));
    await user.click(screen.getByRole('option', { name: 'High' }));
    expect(screen.queryByRole('listitem', { name: 'Ports published on every interface on web' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Severity' }));
    await user.click(screen.getByRole('option', { name: 'All severities' }));
    await user.click(screen.getByRole('combobox', { name: 'Rule' }));
    await user.click(screen.getByRole('option', { name: 'Ports published on every interface' }));
    expect(screen.getAllByRole('listitem').map((l) => l.getAttribute('aria-label'))).toEqual(['Ports published on every interface on web']);
    await user.click(screen.getByRole('combobox', { name: 'Rule' }));
    await user.click(screen.getByRole('option', { name: 'All rules' }));
    await user.type(screen.getByRole('textbox', { name: 'Search findings' }), 'privileged');
    expect(screen.getAllByRole('listitem').map((l) => l.getAttribute('aria-label'))).toEqual(['Privileged container on admin-tool']);
    await user.clear(screen.getByRole('textbox', { name: 'Search findings' }));
    await user.click(screen.getByRole('combobox', { name: 'Project' }));
    await user.click(screen.getByRole('option', { name: 'shop' }));
    expect(screen.queryByRole('listitem', { name: 'Privileged container on admin-tool' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Project' }));
    await user.click(screen.getByRole('option', { name: 'All projects' }));
    await user.click(screen.getByRole('combobox', { name: 'Group by' }));
    await user.click(screen.getByRole('option', { name: 'Compose project' }));
    // Worst group first: ops has a high finding.
    const groups = screen.getAllByRole('button', { name: /^(ops|shop):/ });
    expect(groups.map((g) => g.getAttribute('aria-label')?.split(':')[0])).toEqual(['ops', 'shop']);
  });

  it('recreates with the fix in one click (a limit the user picks) and follows the live patch', async () => {
    const recreated = { ...web, id: 'web-new', findings: web.findings.filter((f) => f.ruleId !== 'ports-all-interfaces') };
    const calls: unknown[] = [];
    const { user, fake } = setup({
      'containers.recreate': (p: unknown) => {
        calls.push(p);
        return ok({ id: 'web-new', name: 'web', changed: ['ports'], restarted: true });
      },
    });
    const item = await screen.findByRole('listitem', { name: 'Ports published on every interface on web' });
    await user.click(within(item).getByRole('button', { name: 'Recreate with ports on 127.0.0.1 only (web)' }));
    const dialog = screen.getByRole('dialog', { name: /Recreate with ports on 127.0.0.1 only: web/ });
    expect(within(dialog).getByText(/Other machines will no longer reach these ports/)).toBeInTheDocument();
    expect(within(dialog).getByText(/belongs to compose project shop/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Recreate with the fix' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls).toEqual([{ id: 'web-id', changes: { ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8080 }] } }]);
    act(() => fake.emit('security.changed', { kind: 'patch', upserts: [recreated], removed: ['web-id'] }));
    expect(screen.queryByRole('listitem', { name: 'Ports published on every interface on web' })).not.toBeInTheDocument();
  });

  it('asks for the memory limit, checks it, and shows what the engine refused', async () => {
    const calls: unknown[] = [];
    const { user } = setup({
      'containers.recreate': (p: unknown) => {
        calls.push(p);
        return { ok: false as const, error: { code: 'CONFLICT' as const, message: 'admin-tool was not changed: the engine said no. The container is back as it was.' } };
      },
    });
    const item = await screen.findByRole('listitem', { name: 'No memory limit on admin-tool' });
    await user.click(within(item).getByRole('button', { name: 'Recreate with a memory limit (admin-tool)' }));
    const dialog = screen.getByRole('dialog');
    const field = within(dialog).getByRole('textbox', { name: 'Memory limit' });
    expect(field).toHaveValue('512m');
    await user.clear(field);
    await user.type(field, '2m');
    expect(within(dialog).getByText('The engine needs at least 6 MB')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Recreate with the fix' })).toBeDisabled();
    await user.clear(field);
    await user.type(field, '1g');
    await user.click(within(dialog).getByRole('button', { name: 'Recreate with the fix' }));
    expect(await within(dialog).findByText(/the engine said no/)).toBeInTheDocument();
    expect(calls).toEqual([{ id: 'admin-tool-id', changes: { memory: 1024 ** 3 } }]);
  });
});
