// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { auditImage, imageAuditInput, ok, type ImageAudit, type TaskInfo } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore } from '../../../testing/render';
import { ImagesSecuritySection } from './ImagesSecuritySection';

/** An ImageAudit whose findings come from the real rules on real-shaped inspect and history data. */
const imageAudit = (
  id: string,
  tags: string[],
  config: { User?: string; Env?: string[]; healthy?: boolean },
  history: string[] = [],
): ImageAudit => ({
  id,
  tags,
  findings: auditImage(
    imageAuditInput(
      {
        Config: {
          User: config.User ?? '',
          Env: config.Env ?? [],
          Healthcheck: config.healthy ? { Test: ['CMD', 'true'] } : null,
        },
      },
      history.map((CreatedBy) => ({ CreatedBy })),
    ),
  ),
});
const leaky = imageAudit(
  'sha256:aaaaaaaaaaaa1111',
  ['shop/api:2'],
  { Env: ['DB_PASSWORD=hunter2'], User: 'app', healthy: true },
  ['/bin/sh -c apt-get update'],
);
const rooted = imageAudit('sha256:bbbbbbbbbbbb2222', ['tools/debug:latest'], {});
const clean = imageAudit('sha256:cccccccccccc3333', ['shop/web:1'], { User: '1000', healthy: true });

const setup = (role: 'viewer' | 'operator' = 'operator', handlers = {}) =>
  renderWithStore(<ImagesSecuritySection />, {
    'engine.status': () => ok(connectedStatus),
    'security.images': () => ok([leaky, rooted, clean]),
    'session.me': () => ok({ user: 'olga', role }),
    ...handlers,
  });

const task = (patch: Partial<TaskInfo>): TaskInfo => ({
  id: 't1',
  kind: 'security.scanImage',
  title: 'Deep scan shop/api:2 (aaaaaaaaaaaa)',
  state: 'running',
  startedAt: 1,
  cancellable: true,
  ...patch,
});

describe('ImagesSecuritySection', { timeout: 45_000 }, () => {
  it('lists images with findings, worst first, never a secret value, and filters them', async () => {
    const { user } = setup();
    const api = await screen.findByRole('button', { name: 'shop/api:2: 2 findings' });
    const debug = screen.getByRole('button', { name: 'tools/debug:latest: 2 findings' });
    expect(api.compareDocumentPosition(debug) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('button', { name: /shop\/web:1/ })).not.toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'Secrets in the image on shop/api:2' })).toHaveTextContent(
      'ENV DB_PASSWORD is set in the image config (values not shown).',
    );
    expect(document.body.textContent).not.toContain('hunter2');
    expect(
      screen.getByRole('listitem', { name: 'Image runs as root on tools/debug:latest' }),
    ).toHaveTextContent('CIS 4.1');
    await user.click(screen.getByRole('combobox', { name: 'Image rule' }));
    await user.click(screen.getByRole('option', { name: 'Package update alone in a layer' }));
    expect(screen.queryByRole('button', { name: /tools\/debug/ })).not.toBeInTheDocument();
    expect(screen.getByText('1 of 3 images shown')).toBeInTheDocument();
  });

  it('runs a deep scan as a task with progress and Cancel, and shows its result when the finding arrives', async () => {
    const { user, fake } = setup('operator', {
      'security.scanImage': () => ok({ taskId: 't1' }),
      'tasks.cancel': () => ok(undefined),
    });
    const panel = within(
      (await screen.findByRole('button', { name: 'shop/api:2: 2 findings' })).closest(
        '.MuiAccordion-root',
      ) as HTMLElement,
    );
    await user.click(panel.getByRole('button', { name: 'Deep scan' }));
    expect(fake.callsOf('security.scanImage')).toEqual([{ id: leaky.id }]);
    act(() =>
      fake.emit('tasks.changed', {
        kind: 'patch',
        upserts: [task({ progress: { fraction: 0.4, current: 4e6, total: 1e7, unit: 'bytes' } })],
        removed: [],
      }),
    );
    expect(panel.getByRole('button', { name: 'Deep scan' })).toBeDisabled();
    await user.click(panel.getByRole('button', { name: 'Cancel scan' }));
    expect(fake.callsOf('tasks.cancel')).toEqual([{ id: 't1' }]);
    const scanned: ImageAudit = {
      ...leaky,
      findings: auditImage({
        ...imageAuditInput(
          { Config: { User: 'app', Env: ['DB_PASSWORD=hunter2'], Healthcheck: { Test: ['CMD', 'true'] } } },
          [{ CreatedBy: '/bin/sh -c apt-get update' }],
        ),
        setuidFiles: ['/bin/su'],
        setuidTotal: 1,
      }),
      deepScan: { scannedAt: Date.now(), files: [{ path: '/bin/su', mode: 0o4755 }], total: 1, entries: 120 },
    };
    act(() => {
      fake.emit('tasks.changed', { kind: 'patch', upserts: [task({ state: 'succeeded' })], removed: [] });
      fake.emit('security.images.changed', { kind: 'patch', upserts: [scanned], removed: [] });
    });
    await waitFor(() =>
      expect(screen.getByRole('listitem', { name: 'setuid/setgid files on shop/api:2' })).toHaveTextContent(
        '1 file with setuid/setgid: /bin/su.',
      ),
    );
    expect(panel.getByText(/1 setuid\/setgid file in 120 entries/)).toBeInTheDocument();
    expect(panel.getByRole('button', { name: 'Scan again' })).toBeEnabled();
  });

  it('offers no deep scan to a viewer', async () => {
    setup('viewer');
    await screen.findByRole('button', { name: 'shop/api:2: 2 findings' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Deep scan' })).not.toBeInTheDocument());
    expect(screen.getAllByText(/a deep scan reads them/).length).toBeGreaterThan(0);
  });
});
