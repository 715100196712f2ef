// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { fail, ok } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../../testing/render';
import { managerStatus, swarmNode, swarmService, swarmTask } from '../testing/fixtures';
import { ServicesTab } from './ServicesTab';

withFakeLayout();
// The open drawer lives in the address; every test starts with none.
afterEach(() => {
  window.location.hash = '';
});

/** Enters a whole value as one change event: the long form re-validates on every change, so typing per key is slow. */
function fill(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

const web = swarmService('web', {
  stack: 'shop',
  update: { state: 'updating', message: 'update in progress' },
  running: 2,
});
const setup = (handlers = {}) =>
  renderWithStore(<ServicesTab />, {
    'engine.status': () => ok(connectedStatus),
    'swarm.status': () => ok(managerStatus),
    'services.list': () => ok([web]),
    'nodes.list': () => ok([swarmNode('node-1')]),
    'swarmTasks.list': () =>
      ok([
        swarmTask('t1'),
        swarmTask('t0', {
          desiredState: 'shutdown',
          state: 'failed',
          error: 'task: non-zero exit (1)',
          nodeId: 'gone-node-id-000',
        }),
      ]),
    'services.scale': () => ok(web),
    'services.remove': () => ok(undefined),
    'services.rollback': () => ok(web),
    ...handlers,
  });

describe('Swarm services', { timeout: 240_000 }, () => {
  it('lists services with tasks progress and update state; scales inline, rolls back, removes', async () => {
    const { fake, user } = setup();
    const row = await screen.findByRole('row', { name: 'web' });
    expect(within(row).getByText('2/3')).toBeInTheDocument();
    expect(within(row).getByText('updating')).toBeInTheDocument();
    expect(within(row).getByText('8080:80/tcp')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Scale web' }));
    const replicas = screen.getByRole('textbox', { name: 'Replicas of web' });
    await user.clear(replicas);
    await user.type(replicas, '5{Enter}');
    expect(fake.callsOf('services.scale')).toEqual([{ id: web.id, replicas: 5 }]);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'More actions for web' }));
    await user.click(screen.getByRole('menuitem', { name: 'Roll back to the previous settings' }));
    expect(fake.callsOf('services.rollback')).toEqual([{ id: web.id }]);
    await user.click(screen.getByRole('button', { name: 'Remove web' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove service web?' });
    expect(within(dialog).getByText(/belongs to stack shop/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove service' }));
    expect(fake.callsOf('services.remove')).toEqual([{ id: web.id }]);
  });

  it('checks the create form as you type and shows engine refusals at the field', async () => {
    const { fake, user } = setup({
      'services.create': () => fail('NOT_FOUND', 'secret not found: db_password'),
    });
    await user.click(await screen.findByRole('button', { name: 'Create service' }));
    const dialog = screen.getByRole('dialog', { name: 'Create service' });
    fill(within(dialog).getByRole('textbox', { name: /^Name/ }), 'api');
    fill(within(dialog).getByRole('textbox', { name: /^Image/ }), 'Bad Image');
    expect(within(dialog).getByText(/is not a valid image reference/)).toBeInTheDocument();
    fill(within(dialog).getByRole('textbox', { name: /^Image/ }), 'registry:5000/api:1');
    await user.click(within(dialog).getByRole('button', { name: /Ports/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add port' }));
    const port = within(dialog).getByRole('group', { name: 'Port 1' });
    fill(within(port).getByRole('textbox', { name: 'Container port' }), '99999');
    expect(within(port).getByText('Ports are 1 to 65535')).toBeInTheDocument();
    fill(within(port).getByRole('textbox', { name: 'Container port' }), '3000');
    await user.click(within(dialog).getByRole('button', { name: /Secrets and configs/ }));
    fill(within(dialog).getByRole('textbox', { name: 'Secrets' }), 'db_password');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(fake.callsOf('services.create')).toEqual([
      expect.objectContaining({
        spec: expect.objectContaining({
          name: 'api',
          image: 'registry:5000/api:1',
          replicas: 1,
          ports: [{ target: 3000, protocol: 'tcp', mode: 'ingress' }],
          secrets: [{ secret: 'db_password' }],
        }) as unknown,
      }),
    ]);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('secret not found: db_password');
    expect(within(dialog).getByRole('textbox', { name: 'Secrets' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('edits a service from its inspected spec, sending the version', async () => {
    const { fake, user } = setup({
      'services.inspect': () =>
        ok({ ...web, spec: { name: 'web', image: 'nginx:1.27', replicas: 3, env: ['MODE=prod'] }, raw: {} }),
      'services.update': () => ok(web),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit web' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit service web' });
    const image = await within(dialog).findByRole('textbox', { name: /^Image/ });
    expect(image).toHaveValue('nginx:1.27');
    expect(within(dialog).getByRole('button', { name: 'Update service' })).toBeDisabled();
    fill(image, 'nginx:1.28');
    await user.click(within(dialog).getByRole('button', { name: 'Update service' }));
    expect(fake.callsOf('services.update')).toEqual([
      expect.objectContaining({
        id: web.id,
        version: 7,
        spec: expect.objectContaining({ image: 'nginx:1.28', env: ['MODE=prod'], replicas: 3 }) as unknown,
      }),
    ]);
  });

  it('the drawer shows tasks by node, history with errors, update progress and the merged logs', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('row', { name: 'web' }));
    await user.keyboard('{Enter}');
    const drawer = screen.getByRole('region', { name: 'Service web' });
    expect(within(drawer).getByText(/Rolling update in progress: update in progress/)).toHaveTextContent(
      '2 of 3 tasks running',
    );
    expect(within(drawer).getByRole('table', { name: 'Tasks of web' })).toHaveTextContent('node-1');
    await user.click(within(drawer).getByRole('tab', { name: /History/ }));
    expect(within(drawer).getByRole('table', { name: 'Earlier tasks of web' })).toHaveTextContent(
      'task: non-zero exit (1)',
    );
    await user.click(within(drawer).getByRole('tab', { name: 'Logs' }));
    const stream = fake.openStream('services.logs');
    expect(stream.params).toMatchObject({ id: web.id, follow: true });
  });

  it('#/swarm/services/<id> (the health summary links there) opens that service; closing goes back', async () => {
    window.location.hash = `#/swarm/services/${web.id}`;
    const { user } = setup();
    const drawer = await screen.findByRole('region', { name: 'Service web' });
    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    expect(window.location.hash).toBe('#/swarm/services');
    expect(screen.queryByRole('region', { name: 'Service web' })).not.toBeInTheDocument();
  });
});
