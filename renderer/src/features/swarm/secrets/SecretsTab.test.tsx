// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { fail, ok } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../../testing/render';
import { swarmData } from '../data/testing/fixtures';
import { managerStatus, workerStatus } from '../testing/fixtures';
import { SecretsTab } from './SecretsTab';

withFakeLayout();

const db = swarmData('db_password', { labels: { team: 'db' }, usedBy: [{ id: 's1', name: 'api' }, { id: 's2', name: 'worker' }] });
const old = swarmData('old_token');
const setup = (handlers = {}) =>
  renderWithStore(<SecretsTab />, {
    'engine.status': () => ok(connectedStatus),
    'swarm.status': () => ok(managerStatus),
    'secrets.list': () => ok([db, old]),
    'secrets.remove': () => ok(undefined),
    ...handlers,
  });

describe('Swarm secrets', { timeout: 120_000 }, () => {
  it('lists secrets with labels and users, follows live changes, and removes only what no service uses', async () => {
    const { fake, user } = setup();
    const row = await screen.findByRole('row', { name: 'db_password' });
    expect(within(row).getByText('team=db')).toBeInTheDocument();
    expect(within(row).getByText('api, worker')).toBeInTheDocument();
    act(() => fake.emit('secrets.changed', { kind: 'patch', upserts: [swarmData('tls_key')], removed: [] }));
    expect(await screen.findByRole('row', { name: 'tls_key' })).toBeInTheDocument();
    expect(screen.getByText('3 secrets')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Remove db_password' }));
    const inUse = screen.getByRole('dialog', { name: 'Remove secret db_password?' });
    expect(within(inUse).getByText(/2 services use it: api, worker/)).toBeInTheDocument();
    expect(within(inUse).getByRole('button', { name: 'Remove secret' })).toBeDisabled();
    await user.click(within(inUse).getByRole('button', { name: 'Cancel' }));

    await user.click(within(screen.getByRole('row', { name: 'old_token' })).getByRole('button', { name: 'Remove old_token' }));
    const free = screen.getByRole('dialog', { name: 'Remove secret old_token?' });
    expect(within(free).getByText(/cannot be read back/)).toBeInTheDocument();
    await user.click(within(free).getByRole('button', { name: 'Remove secret' }));
    expect(fake.callsOf('secrets.remove')).toEqual([{ id: old.id }]);
    expect(screen.queryByRole('row', { name: 'old_token' })).not.toBeInTheDocument();
  });

  it('creates from masked text with labels, checks the name as typed and puts the engine refusal at the field', async () => {
    const { fake, user } = setup({
      'secrets.create': () => fail('CONFLICT', 'A secret named db_password already exists. Choose another name.', { field: 'name' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Create secret' }));
    const dialog = screen.getByRole('dialog', { name: 'Create secret' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    fireEvent.change(name, { target: { value: '-bad' } });
    expect(within(dialog).getByText(/starts and ends with a letter or digit/)).toBeInTheDocument();
    fireEvent.change(name, { target: { value: 'db_password' } });
    const secret = within(dialog).getByRole('textbox', { name: 'Secret' });
    fireEvent.change(secret, { target: { value: 'hunter2\n' } });
    expect(secret).toHaveAttribute('data-masked', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Show the secret' }));
    expect(secret).toHaveAttribute('data-masked', 'false');
    expect(within(dialog).getByText(/^8 B; less than 500 KiB/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Labels' }), { target: { value: 'team=db' } });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(fake.callsOf('secrets.create')).toEqual([{ name: 'db_password', labels: { team: 'db' }, content: 'hunter2\n' }]);
    expect(within(name.closest('.MuiFormControl-root') as HTMLElement).getByText(/already exists/)).toBeInTheDocument();
    expect(secret).toHaveValue('hunter2\n');
  });

  it('asks before discarding typed input, and refuses text over the engine limit before sending', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Create secret' }));
    const dialog = screen.getByRole('dialog', { name: 'Create secret' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'big' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Secret' }), { target: { value: 'x'.repeat(512_000) } });
    expect(within(dialog).getByText(/Too large: 512 kB/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeDisabled();
    await user.keyboard('{Escape}');
    const ask = screen.getByRole('dialog', { name: 'Discard what you typed?' });
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('big');
    await user.keyboard('{Escape}');
    await user.click(within(screen.getByRole('dialog', { name: 'Discard what you typed?' })).getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('dialog', { name: 'Create secret' })).not.toBeInTheDocument();
    expect(fake.callsOf('secrets.create')).toEqual([]);
  });

  it('says a manager is needed on a worker', async () => {
    setup({ 'swarm.status': () => ok(workerStatus), 'secrets.list': () => ok([]) });
    expect(await screen.findByText(/This node is a worker/)).toBeInTheDocument();
  });
});
