// @vitest-environment jsdom
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ok } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore } from '../../../testing/render';
import { swarmData } from '../data/testing/fixtures';
import { managerStatus } from '../testing/fixtures';
import { DataPicker } from './DataPicker';

function Secrets({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <output aria-label="Secrets text">{value}</output>
      <DataPicker kind="secret" value={value} onChange={setValue} />
    </>
  );
}

describe('secret and config pickers of the service form', () => {
  it('offers the swarm’s secrets not yet listed, appends the chosen one, and names listed ones the swarm lacks', async () => {
    const { user } = renderWithStore(<Secrets initial={'db_password:db\nmissing_key'} />, {
      'engine.status': () => ok(connectedStatus),
      'swarm.status': () => ok(managerStatus),
      'secrets.list': () => ok([swarmData('db_password'), swarmData('api_token'), swarmData('tls_key')]),
    });
    expect(await screen.findByText('Not in this swarm: missing_key. Create it first, or the service is refused.')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Add a secret' }));
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['api_token', 'tls_key']);
    await user.click(screen.getByRole('option', { name: 'tls_key' }));
    expect(screen.getByLabelText('Secrets text')).toHaveTextContent('db_password:db missing_key tls_key');
  });
});
