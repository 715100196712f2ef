// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ok } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../../testing/render';
import { swarmData } from '../data/testing/fixtures';
import { managerStatus } from '../testing/fixtures';
import { ConfigsTab } from './ConfigsTab';

withFakeLayout();
// The open drawer lives in the address; every test starts with none.
afterEach(() => {
  window.location.hash = '';
});

const nginx = swarmData('nginx.conf', { usedBy: [{ id: 's1', name: 'web' }] });
const blob = swarmData('logo.png');

describe('Swarm configs', { timeout: 120_000 }, () => {
  it('shows a config’s metadata and its text content read-only; binary content only by size', async () => {
    const { user } = renderWithStore(<ConfigsTab />, {
      'engine.status': () => ok(connectedStatus),
      'swarm.status': () => ok(managerStatus),
      'configs.list': () => ok([nginx, blob]),
      'configs.inspect': ({ id }) =>
        ok(id === nginx.id ? { ...nginx, size: 22, text: 'server { listen 80; }\n' } : { ...blob, size: 2048 }),
    });
    const row = await screen.findByRole('row', { name: 'nginx.conf' });
    expect(within(row).getByText('web')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Details nginx.conf' }));
    const drawer = screen.getByRole('region', { name: 'Config nginx.conf' });
    expect(await within(drawer).findByLabelText('Content of nginx.conf')).toHaveTextContent('server { listen 80; }');
    expect(within(drawer).getByRole('link', { name: 'web' })).toHaveAttribute('href', '#/swarm/services/s1');
    expect(window.location.hash).toBe(`#/swarm/configs/${nginx.id}`);
    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    expect(window.location.hash).toBe('#/swarm/configs');
    await user.click(within(screen.getByRole('row', { name: 'logo.png' })).getByRole('button', { name: 'Details logo.png' }));
    expect(await screen.findByText(/Binary content \(2\.0 kB\)/)).toBeInTheDocument();
  });
});
