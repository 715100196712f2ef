// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { fail, ok } from '../../api/contract';
import { connectedStatus, container, network } from '../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { NetworksPage } from './NetworksPage';

withFakeLayout();

const bridge = network('bridge', { ipam: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1' }] });
const app = network('app_default', {
  ipam: [{ subnet: '10.5.0.0/24' }],
  composeProject: 'app',
  containers: [
    { containerId: 'web-id', containerName: 'web', state: 'running', ipv4Address: '10.5.0.2', aliases: [] },
  ],
});

const setup = (handlers = {}) =>
  renderWithStore(<NetworksPage />, {
    'engine.status': () => ok(connectedStatus),
    'networks.list': () => ok([bridge, app]),
    'containers.list': () => ok([container('web'), container('worker', { state: 'exited' })]),
    ...handlers,
  });

describe('NetworksPage', { timeout: 20_000 }, () => {
  it('lists networks with driver, subnet and containers; predefined ones cannot be removed', async () => {
    const { fake } = setup();
    const row = await screen.findByRole('row', { name: 'app_default' });
    expect(within(row).getByText('10.5.0.0/24')).toBeInTheDocument();
    expect(within(row).getByText('web (10.5.0.2)')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Remove app_default' })).toBeInTheDocument();
    const b = screen.getByRole('row', { name: 'bridge' });
    expect(within(b).getByText('predefined')).toBeInTheDocument();
    expect(within(b).queryByRole('button', { name: 'Remove bridge' })).not.toBeInTheDocument();
    act(() =>
      fake.emit('networks.changed', { kind: 'patch', upserts: [network('new-net')], removed: [app.id] }),
    );
    expect(screen.getByRole('row', { name: 'new-net' })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: 'app_default' })).not.toBeInTheDocument();
  });

  it('checks the create form and shows what the backend refused', async () => {
    const { fake, user } = setup({
      'networks.create': () =>
        fail('INVALID_ARGUMENT', 'The gateway 10.9.0.1 is not inside the subnet 10.8.0.0/24.', {
          field: 'gateway',
        }),
    });
    await user.click(await screen.findByRole('button', { name: 'Create network' }));
    const dialog = screen.getByRole('dialog', { name: 'Create network' });
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'backend');
    await user.type(within(dialog).getByRole('textbox', { name: 'Subnet' }), '10.8.0.0');
    expect(within(dialog).getByText(/CIDR form/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Subnet' }), '/24');
    await user.type(within(dialog).getByRole('textbox', { name: 'Gateway' }), '10.9.0.1');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(
      await within(dialog).findByText('The gateway 10.9.0.1 is not inside the subnet 10.8.0.0/24.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Gateway' })).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsOf('networks.create')).toEqual([
      {
        name: 'backend',
        driver: 'bridge',
        subnet: '10.8.0.0/24',
        gateway: '10.9.0.1',
        internal: false,
        attachable: false,
        labels: {},
        options: {},
      },
    ]);
  });

  it('connects a container that is not on the network yet, with aliases', async () => {
    const { fake, user } = setup({ 'networks.connect': () => ok(undefined) });
    await user.click(await screen.findByRole('button', { name: 'Connect a container to app_default' }));
    const dialog = screen.getByRole('dialog', { name: 'Connect a container to app_default' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Container' }));
    expect(screen.queryByRole('option', { name: /^web / })).not.toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: 'worker (exited)' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Aliases' }), 'jobs, queue');
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(fake.callsOf('networks.connect')).toEqual([
        { network: app.id, container: 'worker', aliases: ['jobs', 'queue'] },
      ]),
    );
  });

  it('shows a refused removal naming the attached containers', async () => {
    const { user } = setup({
      'networks.remove': () =>
        fail('CONFLICT', 'Network app_default has a container attached: web. Disconnect or stop it first.'),
    });
    await user.click(await screen.findByRole('button', { name: 'Remove app_default' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove network app_default?' });
    expect(dialog).toHaveTextContent('Connected now: web');
    await user.click(within(dialog).getByRole('button', { name: 'Remove network' }));
    expect(await within(dialog).findByText(/has a container attached: web/)).toBeInTheDocument();
  });
});
