// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ok } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore } from '../../testing/render';
import { ContainerSecurityPanel } from './ContainerSecurityPanel';
import { auditOf } from './testing/audits';

describe('ContainerSecurityPanel', { timeout: 20_000 }, () => {
  it("lists one container's findings, one-click fixes beside advice, and says so when it passes", async () => {
    const risky = auditOf('api', { capAdd: ['SYS_ADMIN'] });
    const clean = { id: 'clean-id', name: 'clean', image: 'busybox', state: 'running', findings: [] };
    const handlers = { 'engine.status': () => ok(connectedStatus), 'security.list': () => ok([risky, clean]) };
    const { unmount } = renderWithStore(<ContainerSecurityPanel id="api-id" />, handlers);
    const list = await screen.findByRole('list', { name: 'Security findings of api' });
    const caps = within(list).getByRole('listitem', { name: 'Dangerous capabilities added on api' });
    expect(within(caps).getByRole('button', { name: 'Recreate without SYS_ADMIN (api)' })).toBeInTheDocument();
    expect(within(within(list).getByRole('listitem', { name: 'Runs as root on api' })).getByText('Advice')).toBeInTheDocument();
    unmount();
    renderWithStore(<ContainerSecurityPanel id="clean-id" />, handlers);
    expect(await screen.findByText(/clean passes every rule/)).toBeInTheDocument();
  });
});
