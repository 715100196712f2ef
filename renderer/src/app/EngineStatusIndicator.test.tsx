// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { ok, type EngineStatus } from '../api/contract';
import { connectedStatus } from '../testing/fixtures';
import { renderWithStore } from '../testing/render';
import { EngineStatusIndicator } from './EngineStatusIndicator';

const engine = connectedStatus.engine;

async function showStatus(status: EngineStatus) {
  const view = renderWithStore(<EngineStatusIndicator />, { 'engine.status': () => ok(status) });
  await act(() => Promise.resolve());
  return view;
}

describe('EngineStatusIndicator', () => {
  it('shows the engine and version when connected, with details on click', async () => {
    const { user } = await showStatus(connectedStatus);
    const button = screen.getByRole('button', { name: 'Engine status: Docker 27.3.1' });
    await user.click(button);
    const details = screen.getByRole('dialog', { name: 'Engine details' });
    expect(within(details).getByText('unix:///var/run/docker.sock')).toBeInTheDocument();
    expect(within(details).getByText('27.3.1 (API 1.47)')).toBeInTheDocument();
    expect(within(details).getByText('default socket')).toBeInTheDocument();
  });

  it('shows connecting and starting with the engine name', async () => {
    const { fake } = await showStatus({ state: 'connecting', since: 0, engine });
    expect(
      screen.getByRole('button', { name: 'Engine status: Connecting to Default socket…' }),
    ).toBeInTheDocument();
    act(() =>
      fake.emit('engine.status', {
        state: 'starting',
        since: 1,
        engine: { ...engine!, label: 'Embedded engine' },
      }),
    );
    expect(
      screen.getByRole('button', { name: 'Engine status: Starting Embedded engine…' }),
    ).toBeInTheDocument();
  });

  it('shows unreachable with the retry countdown and the error in the details', async () => {
    const { user } = await showStatus({
      state: 'unreachable',
      since: 0,
      engine,
      error: { code: 'ENGINE_UNREACHABLE', message: 'Docker is not running.' },
      reconnect: { attempt: 3, nextAttemptAt: Date.now() + 4_200 },
    });
    const button = screen.getByRole('button', { name: /Engine status: Engine unreachable, retrying in 5s/ });
    await user.click(button);
    expect(within(screen.getByRole('dialog')).getByText(/Docker is not running\./)).toBeInTheDocument();
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Retry now' })).toBeInTheDocument();
  });

  it('shows not-installed, and a lost backend link ahead of the engine state', async () => {
    const { fake } = await showStatus({ state: 'not-installed', since: 0 });
    expect(
      screen.getByRole('button', { name: 'Engine status: No container engine installed' }),
    ).toBeInTheDocument();
    act(() => fake.setTransport('closed'));
    expect(screen.getByRole('button', { name: /Berth backend disconnected/ })).toBeInTheDocument();
  });
});
