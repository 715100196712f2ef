// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { fail, ok, type ImageSummary, type TaskInfo } from '../../../api/contract';
import { renderWithStore } from '../../../testing/render';
import { RunImage } from './RunImage';

const REF = '127.0.0.1:5000/team/web:1';
const raw = { Id: 'sha256:abc', Config: { Env: ['PATH=/bin', 'MODE=demo'], ExposedPorts: { '8080/tcp': {} }, Volumes: { '/data': {} } } };
const summary = { id: 'sha256:abc' } as ImageSummary;

describe('RunImage', { timeout: 20_000 }, () => {
  it('opens the run dialog prefilled from a local image and runs it', async () => {
    const onClose = vi.fn();
    const { user, fake } = renderWithStore(<RunImage imageRef={REF} onClose={onClose} />, {
      'images.inspect': () => ok({ summary, raw }),
      'containers.create': () => ok({ id: 'c1', name: 'web-1', started: true }),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Run a container' });
    expect(within(dialog).getByRole('combobox', { name: /Image/ })).toHaveValue(REF);
    await user.click(within(dialog).getByRole('button', { name: 'Run' }));
    await vi.waitFor(() => expect(fake.callsOf('containers.create')).toHaveLength(1));
    const { spec } = fake.callsOf('containers.create')[0] as { spec: Record<string, unknown> };
    expect(spec.image).toBe(REF);
    expect(spec.ports).toEqual([{ containerPort: 8080, protocol: 'tcp' }]);
    expect(spec.env).toEqual({ MODE: 'demo' });
    expect(spec.volumes).toEqual([{ type: 'volume', source: '', target: '/data', readOnly: false }]);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('offers to pull an image the engine lacks, then runs what was pulled', async () => {
    let pulled = false;
    const { user, fake } = renderWithStore(<RunImage imageRef={REF} onClose={() => undefined} />, {
      'images.inspect': () => (pulled ? ok({ summary, raw }) : fail('NOT_FOUND', `No such image: ${REF}`)),
      'images.pull': () => ok({ taskId: 't1' }),
      'tasks.list': () => ok([]),
    });
    const pull = await screen.findByRole('dialog', { name: 'Pull an image' });
    expect(within(pull).getByRole('textbox', { name: 'Image reference' })).toHaveValue(REF);
    await user.click(within(pull).getByRole('button', { name: 'Pull' }));
    expect(fake.callsOf('images.pull')).toEqual([{ ref: REF }]);
    pulled = true;
    const done: TaskInfo = { id: 't1', kind: 'images.pull', title: `Pull ${REF}`, state: 'succeeded', startedAt: Date.now(), cancellable: false };
    act(() => fake.emit('tasks.changed', { kind: 'patch', removed: [], upserts: [done] }));
    await user.click(await within(pull).findByRole('button', { name: 'Run it' }));
    const dialog = await screen.findByRole('dialog', { name: 'Run a container' });
    expect(within(dialog).getByRole('combobox', { name: /Image/ })).toHaveValue(REF);
    expect(fake.callsOf('images.inspect')).toHaveLength(2);
  });

  it('says why when the engine cannot be asked', async () => {
    renderWithStore(<RunImage imageRef={REF} onClose={() => undefined} />, {
      'images.inspect': () => fail('ENGINE_UNREACHABLE', 'The engine is not reachable.'),
    });
    expect(await screen.findByText(/Could not read .* on this engine: The engine is not reachable/)).toBeInTheDocument();
  });
});
