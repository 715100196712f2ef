// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok, type EngineStatus } from '../api/contract';
import { createFakeClient } from '../testing/fakeClient';
import { connectedStatus } from '../testing/fixtures';
import { withFakeLayout } from '../testing/render';
import { App } from './App';

withFakeLayout();

beforeAll(() => {
  // jsdom has no matchMedia; MUI's color scheme code asks it for prefers-color-scheme.
  window.matchMedia = vi.fn((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(() => false),
  }));
});
afterEach(() => {
  window.location.hash = '';
});

async function renderApp(status: EngineStatus) {
  const fake = createFakeClient({
    'engine.status': () => ok(status),
    'containers.list': () => ok([]),
    'settings.get': () => ok({ engine: { preferred: 'auto' }, theme: 'dark' as const }),
  });
  render(<App client={fake.client} />);
  await act(() => {
    fake.setTransport('open');
    return Promise.resolve();
  });
  return fake;
}

describe('App', { timeout: 20_000 }, () => {
  it('shows the shell with navigation, engine status and the containers page', async () => {
    await renderApp(connectedStatus);
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Containers' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Engine status: Docker 27.3.1' })).toBeInTheDocument();
    // Pages load lazily: the first import of a page's modules may take a while on a busy test machine.
    expect(await screen.findByText('No containers yet', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(document.documentElement).toHaveClass('dark');
  });

  it('renders each section from its page in the sections table, and a detail route from its detail page', async () => {
    window.location.hash = '#/containers/gone';
    await renderApp(connectedStatus);
    // No containers.inspect fake: the details page says it could not load the container named in the route.
    expect(
      await screen.findByText(/Could not load container gone/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('link', { name: 'Networks' }));
    expect(await screen.findByRole('heading', { name: 'Networks' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Networks' })).toHaveAttribute('aria-current', 'page');
  });

  it('puts a skip link first in the tab order, and remembers a collapsed sidebar', async () => {
    window.localStorage.removeItem('berth.sidebar.collapsed');
    const user = userEvent.setup();
    await renderApp(connectedStatus);
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();

    const toggle = screen.getByRole('button', { name: 'Collapse the sidebar' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    // Collapsed: icons only, each still named.
    expect(screen.queryByText('Volumes')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Volumes' })).toBeInTheDocument();
    cleanup();
    await renderApp(connectedStatus);
    expect(screen.getByRole('button', { name: 'Collapse the sidebar' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    window.localStorage.removeItem('berth.sidebar.collapsed');
  });

  // The page loads lazily: generous on a loaded 2-core machine.
  it('opens the Security page from the navigation', { timeout: 20_000 }, async () => {
    await renderApp(connectedStatus);
    await userEvent.setup().click(screen.getByRole('link', { name: 'Security' }));
    expect(await screen.findByRole('heading', { name: 'Security', level: 1 }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Findings by severity' })).toBeInTheDocument();
  });

  it('replaces the shell with onboarding when no engine is installed', async () => {
    await renderApp({
      state: 'not-installed',
      since: 0,
      install: {
        os: 'linux',
        title: 'Install Docker Engine',
        missing: ['dockerd'],
        commands: ['sudo apt install docker.io'],
      },
    });
    expect(screen.getByRole('heading', { name: 'Install Docker Engine' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});
