// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type ImageSummary, type RegistryInfo } from '../../api/contract';
import { renderWithStore } from '../../testing/render';
import { PushDialog } from './PushDialog';
import { toImageRow } from './view';

const hub: RegistryInfo = { id: 'hub', name: 'Docker Hub', url: 'https://registry-1.docker.io', host: 'docker.io', insecure: false, hasCa: false, hasPassword: false, builtIn: true };
const team: RegistryInfo = { id: 'team', name: 'Team', url: 'http://127.0.0.1:5000', host: '127.0.0.1:5000', insecure: true, hasCa: false, username: 'ci', hasPassword: true, builtIn: false };
const image = (id: string, repoTags: string[]): ImageSummary => ({ id, repoTags, repoDigests: [], size: 1, created: 1, containers: [], dangling: repoTags.length === 0, labels: {} });
const busybox = image('sha256:b0', ['berth-test/busybox:latest']);
const web = image('sha256:w1', ['127.0.0.1:5000/team/web:1']);

const handlers = {
  'registries.list': () => ok([hub, team]),
  'images.list': () => ok([busybox, web]),
  'images.tag': () => ok(undefined),
  'images.push': () => ok({ taskId: 't1' }),
  'tasks.list': () => ok([]),
};

describe('PushDialog', { timeout: 20_000 }, () => {
  it('pushes an image by its own name to the registry that name points at', async () => {
    const { user, fake } = renderWithStore(<PushDialog row={toImageRow(web)} onClose={() => undefined} />, handlers);
    const dialog = screen.getByRole('dialog', { name: 'Push an image' });
    expect(await within(dialog).findByRole('combobox', { name: 'Registry' })).toHaveTextContent('As named (127.0.0.1:5000)');
    await user.click(within(dialog).getByRole('button', { name: 'Push' }));
    await waitFor(() => expect(fake.callsOf('images.push')).toEqual([{ ref: '127.0.0.1:5000/team/web:1' }]));
    expect(fake.callsOf('images.tag')).toEqual([]);
  });

  it('tags an image for a chosen registry under the repository and tag typed, then pushes it', async () => {
    const { user, fake } = renderWithStore(<PushDialog onClose={() => undefined} />, handlers);
    const dialog = screen.getByRole('dialog', { name: 'Push an image' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Image' }));
    await user.click(await screen.findByRole('option', { name: 'berth-test/busybox:latest' }));
    await user.click(within(dialog).getByRole('combobox', { name: 'Registry' }));
    await user.click(await screen.findByRole('option', { name: 'Team (127.0.0.1:5000) as ci' }));
    const repository = within(dialog).getByRole('textbox', { name: 'Repository' });
    expect(repository).toHaveValue('berth-test/busybox');
    await user.clear(repository);
    await user.type(repository, 'Bad Name');
    await user.click(within(dialog).getByRole('button', { name: 'Push' }));
    expect(within(dialog).getByText(/Not a valid repository/)).toBeInTheDocument();
    expect(fake.callsOf('images.tag')).toEqual([]);
    await user.clear(repository);
    await user.type(repository, 'e2e/busy');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Tag' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Tag' }), '2');
    await user.click(within(dialog).getByRole('button', { name: 'Push' }));
    await waitFor(() => expect(fake.callsOf('images.push')).toEqual([{ ref: '127.0.0.1:5000/e2e/busy:2' }]));
    expect(fake.callsOf('images.tag')).toEqual([{ source: 'berth-test/busybox:latest', repo: '127.0.0.1:5000/e2e/busy', tag: '2' }]);
  });

  it('stops when tagging fails and says why', async () => {
    const { user, fake } = renderWithStore(<PushDialog row={toImageRow(image('sha256:d1', []))} onClose={() => undefined} />, {
      ...handlers,
      'images.tag': () => fail('NOT_FOUND', 'No such image: sha256:d1'),
    });
    const dialog = screen.getByRole('dialog', { name: 'Push an image' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Repository' }), 'me/tool');
    await user.click(within(dialog).getByRole('button', { name: 'Push' }));
    expect(await within(dialog).findByText('No such image: sha256:d1')).toBeInTheDocument();
    expect(fake.callsOf('images.tag')).toEqual([{ source: 'sha256:d1', repo: 'docker.io/me/tool', tag: 'latest' }]);
    expect(fake.callsOf('images.push')).toEqual([]);
  });
});
