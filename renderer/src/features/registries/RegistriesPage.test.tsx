// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type RegistryImageConfig, type RegistryInfo, type RegistryManifest, type TaskInfo } from '../../api/contract';
import type { Handlers } from '../../testing/fakeClient';
import { renderWithStore } from '../../testing/render';
import { RegistriesPage } from './RegistriesPage';

const hub: RegistryInfo = { id: 'hub', name: 'Docker Hub', url: 'https://registry-1.docker.io', host: 'docker.io', insecure: false, hasCa: false, hasPassword: false, builtIn: true };
const mine: RegistryInfo = { id: 'team', name: 'Team', url: 'http://127.0.0.1:5000', host: '127.0.0.1:5000', insecure: true, hasCa: false, username: 'ci', hasPassword: true, builtIn: false };

const index: RegistryManifest = {
  kind: 'index',
  digest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    { digest: 'sha256:amd', mediaType: 'application/vnd.oci.image.manifest.v1+json', size: 500, platform: { os: 'linux', architecture: 'amd64' } },
    { digest: 'sha256:arm', mediaType: 'application/vnd.oci.image.manifest.v1+json', size: 500, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
  ],
};
const image = (digest: string, size: number): RegistryManifest => ({
  kind: 'image',
  digest,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  configDigest: `${digest}-config`,
  layers: [{ digest: `${digest}-layer`, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size }],
  size,
});
const config = (architecture: string): RegistryImageConfig => ({
  created: '2026-11-02T10:00:00Z',
  os: 'linux',
  architecture,
  env: ['PATH=/usr/bin'],
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  exposedPorts: ['80/tcp'],
  volumes: [],
  labels: { maintainer: 'team' },
  history: [{ createdBy: 'COPY app /app', emptyLayer: false }],
});

const setup = (handlers: Handlers = {}) =>
  renderWithStore(<RegistriesPage />, {
    'registries.list': () => ok([hub, mine]),
    'registries.catalog': () => ok({ items: ['team/api'] }),
    ...handlers,
  });

describe('RegistriesPage', { timeout: 20_000 }, () => {
  it('shows private results while saying Docker Hub cannot be reached', async () => {
    const { user, fake } = setup({
      'registries.search': () =>
        ok({
          results: [{ source: 'team', name: '127.0.0.1:5000/team/api', repository: 'team/api', description: 'The API' }],
          errors: [{ source: 'hub', message: 'Docker Hub cannot be reached from the engine (timeout); your own registries still work.' }],
        }),
    });
    await user.type(screen.getByRole('textbox', { name: 'Search images' }), 'api{Enter}');
    expect(await screen.findByText(/^Docker Hub cannot be reached from the engine/)).toBeInTheDocument();
    const card = within(screen.getByRole('list', { name: 'Search results' })).getByRole('listitem');
    expect(card).toHaveTextContent('127.0.0.1:5000/team/api');
    expect(card).toHaveTextContent('The API');
    expect(card).toHaveTextContent('Team');
    expect(fake.callsOf('registries.search')).toEqual([{ term: 'api' }]);
  });

  it('validates the add form, tests the draft, and shows the backend refusal', async () => {
    const { user, fake } = setup({
      'registries.test': () => ok({ apiVersion: 'registry/2.0', auth: 'basic' }),
      'registries.add': () => fail('CONFLICT', 'A registry for 127.0.0.1:5001 is already saved.'),
    });
    await user.click(await screen.findByRole('button', { name: 'Manage registries' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Registries' })).getByRole('button', { name: 'Add registry' }));
    const form = screen.getByRole('dialog', { name: 'Add a registry' });
    await user.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(within(form).getByText('A name is required.')).toBeInTheDocument();
    expect(fake.callsOf('registries.test')).toEqual([]);
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Local');
    await user.type(within(form).getByRole('textbox', { name: 'Address' }), 'http://127.0.0.1:5001');
    expect(within(form).getByText(/needs "Insecure/)).toBeInTheDocument();
    await user.click(within(form).getByRole('checkbox', { name: 'Insecure (HTTP or unverified TLS)' }));
    expect(within(form).getByText(/anyone on the network can read or change them/)).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: 'User' }), 'ci');
    await user.type(within(form).getByLabelText('Password'), 's3cret');
    await user.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(await within(form).findByText(/Connected \(registry\/2.0\): the basic login works/)).toBeInTheDocument();
    const draft = { name: 'Local', url: 'http://127.0.0.1:5001', insecure: true, username: 'ci', password: 's3cret' };
    expect(fake.callsOf('registries.test')).toEqual([draft]);
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('A registry for 127.0.0.1:5001 is already saved.')).toBeInTheDocument();
    expect(fake.callsOf('registries.add')).toEqual([draft]);
  });

  it('edits with an empty password keeping it, or forgets it', async () => {
    const { user, fake } = setup({ 'registries.update': () => ok(mine) });
    await user.click(await screen.findByRole('button', { name: 'Manage registries' }));
    await user.click(screen.getByRole('button', { name: 'Edit Team' }));
    let form = screen.getByRole('dialog', { name: 'Edit Team' });
    expect(within(form).getByText('Leave empty to keep the stored password.')).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), ' 2');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsOf('registries.update')).toEqual([{ id: 'team', name: 'Team 2' }]));
    await user.click(screen.getByRole('button', { name: 'Edit Team' }));
    form = screen.getByRole('dialog', { name: 'Edit Team' });
    await user.click(within(form).getByRole('checkbox', { name: 'Forget the stored password' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsOf('registries.update')[1]).toEqual({ id: 'team', password: null }));
  });

  it('opens a repository: tag table with an index, platform details, and a pull that starts a task', async () => {
    const manifests: Record<string, RegistryManifest> = { latest: index, 'sha256:amd': image('sha256:amd', 3_000_000), 'sha256:arm': image('sha256:arm', 2_000_000), '1.0': image('sha256:one', 1_500_000) };
    const { user, fake } = setup({
      'registries.tags': () => ok({ items: ['1.0', 'latest'] }),
      'registries.manifest': ({ reference }) => (manifests[reference] ? ok(manifests[reference]) : fail('NOT_FOUND', 'no such manifest')),
      'registries.imageConfig': ({ digest }) => ok(config(digest.includes('arm') ? 'arm64' : 'amd64')),
      'images.pull': () => ok({ taskId: 't1' }),
      'tasks.list': () => ok([]),
    });
    await user.click(await screen.findByRole('button', { name: 'team/api' }));
    const latest = await screen.findByRole('row', { name: 'latest' });
    expect(await within(latest).findByText('linux/amd64')).toBeInTheDocument();
    expect(within(latest).getByText('linux/arm64/v8')).toBeInTheDocument();
    expect(within(latest).getByText('111111111111')).toBeInTheDocument();
    const one = screen.getByRole('row', { name: '1.0' });
    expect(await within(one).findByText('1.5 MB')).toBeInTheDocument();

    // "latest" is chosen first; its index shows a platform picker and the amd64 image's contents.
    const details = screen.getByRole('region', { name: 'Details of 127.0.0.1:5000/team/api:latest' });
    expect(await within(details).findByText('/docker-entrypoint.sh')).toBeInTheDocument();
    expect(within(details).getByText('80/tcp')).toBeInTheDocument();
    expect(within(details).getByText('maintainer=team')).toBeInTheDocument();
    expect(within(details).getByText(/3.0 MB\s+sha256:amd-layer/)).toBeInTheDocument();
    await user.click(within(details).getByRole('combobox', { name: 'Platform' }));
    await user.click(screen.getByRole('option', { name: 'linux/arm64/v8' }));
    expect(await within(details).findByText(/2.0 MB\s+sha256:arm-layer/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Pull latest' }));
    const dialog = screen.getByRole('dialog', { name: 'Pull an image' });
    expect(within(dialog).getByRole('textbox', { name: 'Image reference' })).toHaveValue('127.0.0.1:5000/team/api:latest');
    await user.click(within(dialog).getByRole('button', { name: 'Pull' }));
    expect(fake.callsOf('images.pull')).toEqual([{ ref: '127.0.0.1:5000/team/api:latest' }]);
    const running: TaskInfo = { id: 't1', kind: 'images.pull', title: 'Pull 127.0.0.1:5000/team/api:latest', state: 'running', startedAt: Date.now(), cancellable: true, progress: { fraction: 0.5 } };
    act(() => fake.emit('tasks.changed', { kind: 'patch', removed: [], upserts: [running] }));
    expect(within(within(dialog).getByRole('region', { name: /Progress of Pull/ })).getByText('50%')).toBeInTheDocument();
  });

  it('deletes the selected tag after confirming, and shows a refusal', async () => {
    const { user, fake } = setup({
      'registries.tags': () => ok({ items: ['1.0'] }),
      'registries.manifest': () => ok(image('sha256:one', 1_500_000)),
      'registries.imageConfig': () => ok(config('amd64')),
      'registries.deleteTag': () => fail('FORBIDDEN', 'This registry does not allow deleting (start it with REGISTRY_STORAGE_DELETE_ENABLED=true).'),
    });
    await user.click(await screen.findByRole('button', { name: 'team/api' }));
    await screen.findByRole('row', { name: '1.0' });
    await user.click(screen.getByRole('button', { name: 'Delete tag' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 127.0.0.1:5000/team/api:1.0?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete tag' }));
    expect(await within(dialog).findByText(/does not allow deleting/)).toBeInTheDocument();
    expect(fake.callsOf('registries.deleteTag')).toEqual([{ id: 'team', repository: 'team/api', reference: '1.0' }]);
  });

  it('shows Docker Hub badges, pulls and platforms, and lists Hub tags with their platforms from the Hub API', async () => {
    const { user, fake } = setup({
      'registries.search': () =>
        ok({
          results: [
            { source: 'hub', name: 'nginx', repository: 'library/nginx', description: 'Official build of Nginx.', stars: 20871, official: true, badge: 'official', pulls: '1B+', platforms: ['linux/amd64', 'linux/arm64'] },
            { source: 'hub', name: 'bitnami/nginx', repository: 'bitnami/nginx', stars: 199, official: false, automated: true, badge: 'verified_publisher', pulls: '500M+' },
          ],
          errors: [],
        }),
      'registries.hubTags': () =>
        ok({ items: [{ name: 'latest', digest: 'sha256:0d17b565c37bcbd895e9', size: 72_099_501, updated: '2026-11-30T08:41:05Z', platforms: [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm64', variant: 'v8' }] }], next: '2' }),
      'registries.manifest': () => fail('UNAVAILABLE', 'Docker Hub cannot be reached.'),
    });
    await user.type(screen.getByRole('textbox', { name: 'Search images' }), 'nginx{Enter}');
    const cards = within(await screen.findByRole('list', { name: 'Search results' })).getAllByRole('listitem');
    expect(cards[0]).toHaveTextContent('Official');
    expect(within(cards[0]!).getByLabelText('1B+ pulls')).toBeInTheDocument();
    expect(within(cards[0]!).getByLabelText('20871 stars')).toBeInTheDocument();
    expect(cards[0]).toHaveTextContent('linux/amd64, linux/arm64');
    expect(cards[1]).toHaveTextContent('Verified publisher');
    expect(cards[1]).not.toHaveTextContent('Official');
    expect(cards[1]).toHaveTextContent('Automated');

    await user.click(within(cards[0]!).getByRole('button', { name: 'Open nginx' }));
    const latest = await screen.findByRole('row', { name: 'latest' });
    expect(within(latest).getByText('linux/amd64')).toBeInTheDocument();
    expect(within(latest).getByText('linux/arm64/v8')).toBeInTheDocument();
    expect(within(latest).getByText('72 MB')).toBeInTheDocument();
    expect(fake.callsOf('registries.hubTags')).toEqual([{ repository: 'library/nginx', n: 25 }]);
    expect(fake.callsOf('registries.tags')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Load more tags' }));
    expect(fake.callsOf('registries.hubTags')[1]).toEqual({ repository: 'library/nginx', n: 25, last: '2' });
  });

  it('says so when Docker Hub cannot be reached for tags', async () => {
    const { user } = setup({
      'registries.search': () => ok({ results: [{ source: 'hub', name: 'nginx', repository: 'library/nginx', official: true }], errors: [] }),
      'registries.hubTags': () => fail('UNAVAILABLE', 'Docker Hub (hub.docker.com) cannot be reached for the tags of library/nginx (getaddrinfo EAI_AGAIN hub.docker.com).'),
    });
    await user.type(screen.getByRole('textbox', { name: 'Search images' }), 'nginx{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Open nginx' }));
    expect(await screen.findByText(/cannot be reached for the tags of library\/nginx/)).toBeInTheDocument();
  });
});
