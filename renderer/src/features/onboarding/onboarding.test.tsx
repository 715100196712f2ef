// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { ok, type EngineStatus } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore } from '../../testing/render';
import { InstallScreen } from './InstallScreen';
import { UnreachableBanner } from './UnreachableBanner';

const notInstalled: EngineStatus = {
  state: 'not-installed',
  since: 0,
  install: {
    os: 'linux',
    title: 'Install Docker Engine',
    missing: ['dockerd', 'containerd'],
    commands: ['curl -fsSL https://get.docker.com | sh', 'sudo usermod -aG docker $USER'],
    docsUrl: 'https://docs.docker.com/engine/install/',
  },
};

describe('InstallScreen', () => {
  it('shows what is missing, the commands with copy buttons and the docs link', async () => {
    renderWithStore(<InstallScreen />, { 'engine.status': () => ok(notInstalled) });
    expect(await screen.findByRole('heading', { name: 'Install Docker Engine' })).toBeInTheDocument();
    expect(screen.getByText('dockerd, containerd')).toBeInTheDocument();
    for (const command of notInstalled.install?.commands ?? []) {
      expect(screen.getByText(command)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: `Copy command: ${command}` })).toBeInTheDocument();
    }
    expect(screen.getByRole('link', { name: 'installation guide' })).toHaveAttribute('href', 'https://docs.docker.com/engine/install/');
  });

  it('checks again with engine.reconnect and says when nothing is found yet', async () => {
    const { user, fake } = renderWithStore(<InstallScreen />, {
      'engine.status': () => ok(notInstalled),
      'engine.reconnect': () => ok(notInstalled),
    });
    await user.click(await screen.findByRole('button', { name: 'Check again' }));
    expect(fake.callsOf('engine.reconnect')).toHaveLength(1);
    expect(await screen.findByText(/Still no engine found/)).toBeInTheDocument();
  });
});

describe('UnreachableBanner', () => {
  it('shows the error and retries on demand; hides once connected', async () => {
    const unreachable: EngineStatus = {
      state: 'unreachable',
      since: 0,
      engine: connectedStatus.engine,
      error: { code: 'ENGINE_UNREACHABLE', message: 'Connection refused.', details: 'connect ECONNREFUSED /var/run/docker.sock' },
    };
    const { user, fake, container } = renderWithStore(<UnreachableBanner />, {
      'engine.status': () => ok(unreachable),
      'engine.reconnect': () => ok(connectedStatus),
      'containers.list': () => ok([]),
    });
    expect(await screen.findByText(/Cannot reach Default socket/)).toBeInTheDocument();
    expect(screen.getByText(/Connection refused\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(fake.callsOf('engine.reconnect')).toHaveLength(1);
    await act(() => Promise.resolve());
    expect(container).toBeEmptyDOMElement();
  });
});
