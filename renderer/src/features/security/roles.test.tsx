// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { ok, type Role } from '../../api/contract';
import type { Handlers } from '../../testing/fakeClient';
import { renderWithStore } from '../../testing/render';
import { ImagesToolbar } from '../images/ImagesToolbar';
import { FindingList } from './FindingList';
import { auditOf } from './testing/audits';

// The images toolbar and the one-click security fixes follow the role like every other action (ADR 18).
const as = (role: Role): Handlers => ({
  'session.me': () => ok({ user: role === 'viewer' ? 'vera' : 'otto', role }),
});
const toolbarActions = ['Pull', 'Build', 'Load', 'Import', 'Prune…'];

function toolbar(role: Role) {
  return renderWithStore(
    <ImagesToolbar
      filter={{ query: '', usage: 'all' }}
      onChange={() => {}}
      shown={0}
      total={0}
      totalSize="0 B"
      onOpen={() => {}}
    />,
    as(role),
  );
}

describe('What each role is offered on images and security findings', { timeout: 30_000 }, () => {
  it('the images toolbar offers pull, build, load, import and prune to an operator and none to a viewer', async () => {
    const operator = toolbar('operator');
    await waitFor(() => expect(operator.fake.callsOf('session.me')).toHaveLength(1));
    for (const name of toolbarActions) expect(screen.getByRole('button', { name })).toBeInTheDocument();
    operator.unmount();

    const viewer = toolbar('viewer');
    await waitFor(() => expect(viewer.fake.callsOf('session.me')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Pull' })).not.toBeInTheDocument());
    for (const name of toolbarActions) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    viewer.unmount();
  });

  it('a finding offers its one-click fix to an operator; a viewer gets the advice without the button', async () => {
    const audit = auditOf('web', { image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] });
    const fixLabel = /Recreate with/;
    const operator = renderWithStore(<FindingList audit={audit} />, as('operator'));
    await waitFor(() => expect(operator.fake.callsOf('session.me')).toHaveLength(1));
    expect(screen.getAllByRole('button', { name: fixLabel }).length).toBeGreaterThan(0);
    operator.unmount();

    const viewer = renderWithStore(<FindingList audit={audit} />, as('viewer'));
    await waitFor(() => expect(viewer.fake.callsOf('session.me')).toHaveLength(1));
    await waitFor(() => expect(screen.queryAllByRole('button', { name: fixLabel })).toHaveLength(0));
    expect(screen.getAllByText('Advice').length).toBeGreaterThan(0);
    viewer.unmount();
  });
});
