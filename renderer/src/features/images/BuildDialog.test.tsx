// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { ok, type TaskInfo } from '../../api/contract';
import { renderWithStore } from '../../testing/render';
import { BuildDialog, parseBuildArgs } from './BuildDialog';

const build = (over: Partial<TaskInfo>): TaskInfo => ({
  id: 'b1',
  kind: 'images.build',
  title: 'Build e2e/app:1',
  state: 'running',
  startedAt: Date.now(),
  cancellable: true,
  hasLog: true,
  ...over,
});

describe('BuildDialog', { timeout: 20_000 }, () => {
  it('packs the chosen folder, uploads it to the build ticket, and shows steps and the live log', async () => {
    const ticket = { transferId: 'x1', direction: 'upload' as const, expiresAt: Date.now() + 60_000 };
    const { user, fake, store } = renderWithStore(<BuildDialog onClose={() => undefined} />, {
      'images.buildUpload': () => ok({ taskId: 'b1', ticket }),
      'tasks.list': () => ok([]),
    });
    const sent: Blob[] = [];
    // XHR upload of the tar to the ticket: jsdom's XMLHttpRequest cannot reach the fake origin, so record the body.
    const send = vi.spyOn(XMLHttpRequest.prototype, 'send').mockImplementation((body) => {
      if (body instanceof Blob) sent.push(body);
    });
    try {
      const dialog = screen.getByRole('dialog', { name: 'Build an image' });
      const file = new File(['FROM busybox\n'], 'Dockerfile');
      Object.defineProperty(file, 'webkitRelativePath', { value: 'app/Dockerfile' });
      await user.upload(within(dialog).getByLabelText('Build context folder'), file);
      expect(dialog).toHaveTextContent('1 file');
      await user.type(within(dialog).getByRole('textbox', { name: 'Tag (repository:tag)' }), 'e2e/app:1');
      await user.type(within(dialog).getByRole('textbox', { name: /Build arguments/ }), 'VERSION=2');
      await user.click(within(dialog).getByRole('button', { name: 'Build' }));
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(fake.callsOf('images.buildUpload')).toEqual([
        { tag: 'e2e/app:1', buildArgs: { VERSION: '2' }, size: 2048 },
      ]);
      expect(sent[0]?.size).toBe(2048); // one header, one data block, two end blocks
      act(() =>
        store.getState().tasks.applyPatches([
          {
            kind: 'patch',
            removed: [],
            upserts: [
              build({ steps: [{ id: 'step-1', label: 'Step 1/1: FROM busybox', state: 'running' }] }),
            ],
          },
        ]),
      );
      expect(await within(dialog).findByText('Step 1/1: FROM busybox')).toBeInTheDocument();
      const log = fake.streams.find((s) => s.name === 'tasks.log');
      expect(log?.params).toEqual({ id: 'b1' });
      act(() => log?.data({ lines: ['Step 1/1 : FROM busybox', ' ---> 1234'] }));
      expect(within(dialog).getByLabelText('Build log')).toHaveTextContent('---> 1234');
      act(() =>
        store.getState().tasks.applyPatches([
          {
            kind: 'patch',
            removed: [],
            upserts: [build({ state: 'succeeded', result: { imageId: 'sha256:1' } })],
          },
        ]),
      );
      expect(within(dialog).getByText('Done')).toBeInTheDocument();
    } finally {
      send.mockRestore();
    }
  });

  it('reads build arguments as KEY=value lines', () => {
    expect(parseBuildArgs('A=1\n# note\n\nB_2=x=y')).toEqual({ args: { A: '1', B_2: 'x=y' } });
    expect(parseBuildArgs('A=1\nnot an arg')).toEqual({ problem: 'Line 2 is not KEY=value.' });
  });
});
