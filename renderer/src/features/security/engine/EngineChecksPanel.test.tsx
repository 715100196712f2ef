// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { fail, ok, type EngineChecks, type EngineStatus } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore } from '../../../testing/render';
import { EngineChecksPanel } from './EngineChecksPanel';
import { InsecureEngineBanner } from './InsecureEngineBanner';

const cis = (id: string) => ({ id, version: 'CIS Docker Benchmark v1.7.0' });
const report = (over: Partial<EngineChecks> = {}): EngineChecks => ({
  endpoint: 'unix:///var/run/docker.sock',
  local: true,
  checkedAt: 0,
  checks: [
    { id: 'engine.live-restore', title: 'Live restore', benchmark: cis('2.15'), status: 'warn', severity: 'low', why: 'Restarting the engine stops every container.', fix: 'Start dockerd with --live-restore.' },
    { id: 'engine.seccomp', title: 'Default seccomp profile', benchmark: cis('2.17'), status: 'pass', severity: 'high', why: 'Containers get the default profile.', fix: 'never shown for a pass' },
    { id: 'engine.tcp-without-tls', title: 'Engine API not exposed over TCP without TLS', benchmark: cis('2.7'), status: 'fail', severity: 'high', why: 'The engine serves its API at http://0.0.0.0:2375 in clear.', fix: 'Remove the tcp:// host.' },
    { id: 'engine.data-root-partition', title: 'Data root on its own filesystem', benchmark: cis('1.1.1'), status: 'unknown', severity: 'low', why: 'The engine is not on this machine.' },
  ],
  ...over,
});

describe('EngineChecksPanel', () => {
  it('lists the checks worst first with their CIS id, why and (unless passed) how to fix', async () => {
    renderWithStore(<EngineChecksPanel />, { 'engine.status': () => ok(connectedStatus), 'engineAudit.checks': () => ok(report()) });
    const list = await screen.findByRole('list', { name: 'Engine checks' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => within(r).getByRole('heading').textContent)).toEqual([
      'Engine API not exposed over TCP without TLS',
      'Live restore',
      'Data root on its own filesystem',
      'Default seccomp profile',
    ]);
    expect(rows[0]).toHaveTextContent('Fail');
    expect(rows[0]).toHaveTextContent('CIS 2.7');
    expect(rows[0]).toHaveTextContent('How to fix: Remove the tcp:// host.');
    expect(rows[3]).not.toHaveTextContent('never shown for a pass');
    expect(screen.getByText(/1 failed · 1 warnings · 1 passed · 1 unknown/)).toBeInTheDocument();
  });

  it('says when the engine is remote, and shows a failed check run as an error', async () => {
    const { unmount } = renderWithStore(<EngineChecksPanel />, { 'engine.status': () => ok(connectedStatus), 'engineAudit.checks': () => ok(report({ local: false })) });
    expect(await screen.findByText(/not on this machine: checks that need its host/)).toBeInTheDocument();
    unmount();
    renderWithStore(<EngineChecksPanel />, { 'engine.status': () => ok(connectedStatus), 'engineAudit.checks': () => fail('ENGINE_UNREACHABLE', 'The engine does not answer.') });
    expect(await screen.findByText('The engine does not answer.')).toBeInTheDocument();
  });
});

describe('InsecureEngineBanner', () => {
  const passing = report({ checks: [] });
  it('is loud when Berth reaches the engine over plain TCP', async () => {
    const status: EngineStatus = { ...connectedStatus, engine: { ...connectedStatus.engine!, endpoint: 'tcp://10.0.0.5:2375', insecure: true } };
    renderWithStore(<InsecureEngineBanner />, { 'engine.status': () => ok(status), 'engineAudit.checks': () => ok(passing) });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The Docker API is open over the network without TLS');
    expect(alert).toHaveTextContent('tcp://10.0.0.5:2375');
  });

  it('is loud when the engine reports a plain TCP listener, and absent otherwise', async () => {
    const { unmount } = renderWithStore(<InsecureEngineBanner />, { 'engine.status': () => ok(connectedStatus), 'engineAudit.checks': () => ok(report()) });
    expect(await screen.findByRole('alert')).toHaveTextContent('http://0.0.0.0:2375');
    unmount();
    const { fake } = renderWithStore(<InsecureEngineBanner />, { 'engine.status': () => ok(connectedStatus), 'engineAudit.checks': () => ok(passing) });
    await vi.waitFor(() => expect(fake.callsOf('engineAudit.checks')).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
