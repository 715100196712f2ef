// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fail, ok } from '../../api/contract';
import { renderWithStore } from '../../testing/render';
import { SaveProjectDialog } from './SaveProjectDialog';
import { summary } from './testing/templates';

describe('Save a project as a template', { timeout: 40_000 }, () => {
  it('checks the name, asks before overwriting a taken one, and reports what the template could not carry', async () => {
    let taken = true;
    const { user, fake } = renderWithStore(<SaveProjectDialog project="shop_2" onClose={() => undefined} />, {
      'templates.fromProject': () =>
        taken
          ? fail('CONFLICT', 'The library already has a template named shop_2. Choose another name or overwrite it.')
          : ok({ format: 'compose', imported: [summary('library/shop_2', { title: 'My shop' })], problems: [{ item: 'shop_2', message: 'service web uses ./site next to the project\'s files; the template does not carry it' }] }),
    });
    const dialog = screen.getByRole('dialog', { name: 'Save shop_2 as a template' });
    const name = within(dialog).getByRole('textbox', { name: 'Template name' });
    expect(name).toHaveValue('shop_2');
    await user.type(name, '/x');
    expect(within(dialog).getByText(/Use lowercase letters, digits/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save template' })).toBeDisabled();
    await user.clear(name);
    await user.type(name, 'shop_2');
    await user.click(within(dialog).getByRole('button', { name: 'Save template' }));
    expect(await within(dialog).findByText(/already has a template named shop_2/)).toBeInTheDocument();
    taken = false;
    await user.click(within(dialog).getByRole('button', { name: 'Overwrite' }));
    await waitFor(() => expect(fake.callsOf('templates.fromProject')).toEqual([{ project: 'shop_2', name: 'shop_2' }, { project: 'shop_2', name: 'shop_2', overwrite: true }]));
    const report = await within(dialog).findByRole('region', { name: 'Import report' });
    expect(within(report).getByRole('link', { name: 'My shop' })).toHaveAttribute('href', '#/templates/library%2Fshop_2');
    expect(within(report).getByRole('list', { name: 'Import problems' })).toHaveTextContent('does not carry it');
  });
});
