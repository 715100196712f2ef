// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { auditImage, imageAuditInput, ok, type ImageAudit, type ImageSummary } from '../../api/contract';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { ImagesPage } from './ImagesPage';

withFakeLayout();

const summary = (id: string, tag: string): ImageSummary => ({
  id,
  repoTags: [tag],
  repoDigests: [],
  size: 5_000_000,
  created: 1_700_000_000,
  containers: [],
  dangling: false,
  labels: {},
});
const debug = summary(`sha256:${'d'.repeat(64)}`, 'tools/debug:1');
const web = summary(`sha256:${'e'.repeat(64)}`, 'shop/web:1');
const audit = (id: string, user: string): ImageAudit => ({
  id,
  tags: [],
  findings: auditImage(
    imageAuditInput({ Config: { User: user, Healthcheck: { Test: ['CMD', 'true'] } } }, []),
  ),
});

describe('image findings on the images page', { timeout: 30_000 }, () => {
  it('shows a badge on an image with findings that opens its details on the Security tab', async () => {
    const { user, fake } = renderWithStore(<ImagesPage />, {
      'images.list': () => ok([debug, web]),
      'security.images': () => ok([audit(debug.id, ''), audit(web.id, 'app')]),
      'images.history': () => ok([]),
      'images.inspect': () => ok({ summary: debug, raw: {} }),
    });
    const row = await screen.findByRole('row', { name: 'tools/debug:1' });
    const badge = await within(row).findByRole('button', { name: '1 security finding, worst medium' });
    expect(
      within(screen.getByRole('row', { name: 'shop/web:1' })).queryByRole('button', {
        name: /security finding/,
      }),
    ).not.toBeInTheDocument();
    await user.click(badge);
    const drawer = await screen.findByRole('presentation');
    expect(within(drawer).getByRole('tab', { name: /Security/, selected: true })).toBeInTheDocument();
    expect(
      within(drawer).getByRole('listitem', { name: 'Image runs as root on tools/debug:1' }),
    ).toHaveTextContent('No USER: containers run as root.');
    // A patch fixing the image clears the finding in place.
    act(() =>
      fake.emit('security.images.changed', {
        kind: 'patch',
        upserts: [audit(debug.id, '1000')],
        removed: [],
      }),
    );
    expect(within(drawer).getByText(/No findings: the image passes/)).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: /security finding/ })).not.toBeInTheDocument();
  });
});
