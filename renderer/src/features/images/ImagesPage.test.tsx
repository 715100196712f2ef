// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { ok, type ImageSummary, type TaskInfo } from '../../api/contract';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { ImagesPage } from './ImagesPage';

withFakeLayout();

const NOW_S = Math.floor(Date.now() / 1000);
const image = (id: string, over: Partial<ImageSummary> = {}): ImageSummary => ({
  id: `sha256:${id.padEnd(64, '0')}`,
  repoTags: [],
  repoDigests: [],
  size: 5_000_000,
  created: NOW_S - 3600,
  containers: [],
  dangling: false,
  labels: {},
  ...over,
});

const nginx = image('aaaa', {
  repoTags: ['nginx:1.27', 'web:prod'],
  size: 190_000_000,
  containers: ['web-1', 'web-2'],
});
const busybox = image('bbbb', { repoTags: ['busybox:latest'], size: 4_300_000 });
const old = image('cccc', { dangling: true, size: 12_000_000 });

const setup = (handlers = {}, list = [nginx, busybox, old]) =>
  renderWithStore(<ImagesPage />, { 'images.list': () => ok(list), ...handlers });

const task = (over: Partial<TaskInfo>): TaskInfo => ({
  id: 't1',
  kind: 'images.pull',
  title: 'Pull 127.0.0.1:5000/e2e/busybox:1',
  state: 'running',
  startedAt: Date.now(),
  cancellable: true,
  ...over,
});

// Typing into MUI fields in jsdom is slow on a busy 2-core machine.
describe('ImagesPage', { timeout: 20_000 }, () => {
  it('lists images with size, users and dangling state; patches update rows', async () => {
    const { fake } = setup();
    const row = await screen.findByRole('row', { name: 'nginx:1.27' });
    expect(within(row).getByText('190 MB')).toBeInTheDocument();
    expect(within(row).getByText('web-1, web-2')).toBeInTheDocument();
    expect(within(row).getByText('+1')).toBeInTheDocument();
    expect(
      within(screen.getByRole('row', { name: /^<none> cccc/ })).getByText('dangling'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('row', { name: 'busybox:latest' })).getByText('unused'),
    ).toBeInTheDocument();
    expect(screen.getByText(/3 images · 206 MB/)).toBeInTheDocument();
    act(() =>
      fake.emit('images.changed', {
        kind: 'patch',
        upserts: [{ ...busybox, containers: ['probe'] }],
        removed: [old.id],
      }),
    );
    expect(
      within(screen.getByRole('row', { name: 'busybox:latest' })).getByText('probe'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /^<none>/ })).not.toBeInTheDocument();
  });

  it('filters by usage and text, and sorts by size', async () => {
    const { user } = setup();
    await screen.findByRole('row', { name: 'nginx:1.27' });
    await user.click(screen.getByRole('combobox', { name: 'Show' }));
    await user.click(screen.getByRole('option', { name: 'Dangling' }));
    expect(screen.getAllByRole('row')).toHaveLength(2); // header + the dangling one
    await user.click(screen.getByRole('combobox', { name: 'Show' }));
    await user.click(screen.getByRole('option', { name: 'All images' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter images' }), 'web-2');
    expect(
      screen
        .getAllByRole('row')
        .map((r) => r.getAttribute('aria-label'))
        .slice(1),
    ).toEqual(['nginx:1.27']);
    await user.clear(screen.getByRole('textbox', { name: 'Filter images' }));
    await user.click(screen.getByRole('button', { name: 'Size' })); // largest first
    expect(
      screen
        .getAllByRole('row')
        .map((r) => r.getAttribute('aria-label'))
        .slice(1),
    ).toEqual(['nginx:1.27', expect.stringMatching(/^<none>/) as string, 'busybox:latest']);
    expect(screen.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('teaches pulling and building when there are no images', async () => {
    const { user } = setup({}, []);
    expect(await screen.findByRole('heading', { name: 'No images yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pull an image' }));
    expect(screen.getByRole('dialog', { name: 'Pull an image' })).toBeInTheDocument();
  });

  it('pulls: rejects a bad reference inline, then shows the task progress until done, with cancel', async () => {
    const { user, fake, store } = setup({
      'images.pull': () => ok({ taskId: 't1' }),
      'tasks.list': () => ok([]),
      'tasks.cancel': () => ok(undefined),
    });
    await user.click(await screen.findByRole('button', { name: 'Pull' }));
    const dialog = screen.getByRole('dialog', { name: 'Pull an image' });
    const input = within(dialog).getByRole('textbox', { name: 'Image reference' });
    await user.type(input, 'UPPER:case');
    await user.tab();
    expect(
      within(dialog).getByText(/Not a valid image reference: repository names must be lowercase/),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Pull' })).toBeDisabled();
    expect(fake.callsOf('images.pull')).toEqual([]);

    await user.clear(input);
    await user.type(input, '127.0.0.1:5000/e2e/busybox:1{Enter}');
    expect(fake.callsOf('images.pull')).toEqual([{ ref: '127.0.0.1:5000/e2e/busybox:1' }]);
    act(() =>
      fake.emit('tasks.changed', {
        kind: 'patch',
        removed: [],
        upserts: [
          task({
            progress: { fraction: 0.4, current: 4_000_000, total: 10_000_000, unit: 'bytes' },
            message: '0 of 1 layers',
            steps: [
              {
                id: 'abcdef012345',
                label: 'Layer abcdef012345',
                state: 'running',
                fraction: 0.4,
                detail: 'Downloading 4.00 MB / 5.00 MB',
              },
            ],
          }),
        ],
      }),
    );
    const progress = within(dialog).getByRole('region', { name: /Progress of Pull/ });
    expect(within(progress).getByText('40%')).toBeInTheDocument();
    expect(within(progress).getByText('Downloading 4.00 MB / 5.00 MB')).toBeInTheDocument();
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel pull' }));
    expect(fake.callsOf('tasks.cancel')).toEqual([{ id: 't1' }]);
    // Straight into the store: the test scheduler of frameBatcher flushes only the first batch (reported).
    act(() =>
      store
        .getState()
        .tasks.applyPatches([
          { kind: 'patch', removed: [], upserts: [task({ state: 'succeeded', progress: { fraction: 1 } })] },
        ]),
    );
    expect(within(progress).getByText('Done')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('shows a failed pull with its message and a way to try again', async () => {
    const { user, fake } = setup({ 'images.pull': () => ok({ taskId: 't1' }), 'tasks.list': () => ok([]) });
    await user.click(await screen.findByRole('button', { name: 'Pull' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Image reference' }), 'nginx:nope{Enter}');
    act(() =>
      fake.emit('tasks.changed', {
        kind: 'patch',
        removed: [],
        upserts: [
          task({
            state: 'failed',
            error: {
              code: 'NOT_FOUND',
              message: 'nginx:nope was not found in the registry docker.io. Check the name and the tag.',
            },
          }),
        ],
      }),
    );
    expect(
      within(dialog).getByText(/nginx:nope was not found in the registry docker\.io/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(within(dialog).getByRole('textbox', { name: 'Image reference' })).toBeEnabled();
  });

  it('confirms removal naming the containers that use the image; force is required', async () => {
    const { user, fake } = setup({ 'images.remove': () => ok(['nginx:1.27']) });
    await user.click(await screen.findByRole('button', { name: 'Remove nginx:1.27' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove the name nginx:1.27?' });
    await user.click(within(dialog).getByRole('radio', { name: 'The image with every name' }));
    expect(dialog).toHaveAccessibleName('Remove image nginx:1.27?');
    expect(dialog).toHaveTextContent('Used by 2 containers web-1, web-2');
    expect(dialog).toHaveTextContent('nginx:1.27, web:prod');
    const remove = within(dialog).getByRole('button', { name: 'Remove' });
    expect(remove).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /Force/ }));
    await user.click(remove);
    expect(fake.callsOf('images.remove')).toEqual([{ id: nginx.id, force: true }]);
  });

  it('removes one of two names without force: the engine untags it and the image stays', async () => {
    const { user, fake } = setup({ 'images.remove': () => ok(['web:prod']) });
    await user.click(await screen.findByRole('button', { name: 'Remove nginx:1.27' }));
    const dialog = screen.getByRole('dialog');
    // The row's own name is chosen first; any one name can be picked.
    expect(within(dialog).getByRole('radio', { name: 'Only the name nginx:1.27' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Only the name web:prod' }));
    expect(dialog).toHaveTextContent('The image stays, with its layers, as nginx:1.27');
    expect(within(dialog).queryByRole('checkbox', { name: /Force/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(fake.callsOf('images.remove')).toEqual([{ id: 'web:prod', force: false }]);
  });

  it('lists the other names of a "+N" chip in its tooltip', async () => {
    const { user } = setup();
    const row = await screen.findByRole('row', { name: 'nginx:1.27' });
    await user.hover(within(row).getByText('+1'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('web:prod');
  });

  it('shows a failed removal inline on the row', async () => {
    const { user } = setup({
      'images.remove': () => ({
        ok: false as const,
        error: { code: 'CONFLICT' as const, message: 'busybox:latest is used by container x.' },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Remove busybox:latest' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    const row = screen.getByRole('row', { name: 'busybox:latest' });
    expect(
      await within(row).findByText(/Remove failed: busybox:latest is used by container x\./),
    ).toBeInTheDocument();
  });

  it('previews a prune before deleting anything', async () => {
    const { user, fake } = setup({
      'images.prunePreview': ({ danglingOnly }: { danglingOnly?: boolean }) =>
        ok({
          images: danglingOnly ? [old] : [old, busybox],
          reclaimableBytes: danglingOnly ? 12_000_000 : 16_300_000,
        }),
      'images.prune': () => ok({ deleted: [old.id], reclaimedBytes: 12_000_000 }),
    });
    await user.click(await screen.findByRole('button', { name: 'Prune…' }));
    const dialog = screen.getByRole('dialog', { name: 'Prune images' });
    expect(
      await within(dialog).findByText(/1 image will be deleted, freeing about 12 MB/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('switch', { name: /Also remove tagged images/ }));
    expect(
      await within(dialog).findByText(/2 images will be deleted, freeing about 16 MB/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('switch', { name: /Also remove tagged images/ }));
    await user.click(await within(dialog).findByRole('button', { name: 'Remove 1 image' }));
    expect(fake.callsOf('images.prune')).toEqual([{ danglingOnly: true }]);
    expect(await within(dialog).findByText('Removed 1 image and freed 12 MB.')).toBeInTheDocument();
  });

  it('opens details with the layer history and the inspect JSON', async () => {
    const { user } = setup({
      'images.history': () =>
        ok([
          {
            id: 'sha256:1',
            created: NOW_S - 60,
            createdBy: 'RUN make',
            size: 2_000_000,
            tags: [],
            comment: '',
          },
        ]),
      'images.inspect': () => ok({ summary: busybox, raw: { Id: busybox.id, Architecture: 'amd64' } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Details busybox:latest' }));
    const layers = await screen.findByRole('table', { name: 'Layers' });
    expect(within(layers).getByText('RUN make')).toBeInTheDocument();
    expect(within(layers).getByText('2.0 MB')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Inspect' }));
    expect(screen.getByLabelText('Inspect JSON')).toHaveTextContent('"Architecture": "amd64"');
  });
});
