// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toContainerRow } from '../../stores/selectors';
import { container } from '../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../testing/render';
import { ContainerList } from './ContainerList';
import { auditOf } from '../security/testing/audits';

withFakeLayout(600);

const manyRows = (n: number) =>
  Array.from({ length: n }, (_, i) => toContainerRow(container(`c${String(i).padStart(4, '0')}`)));

// Over a store: each row's security badge reads its container's findings from it.
const renderList = (rows = manyRows(5000), onAction = vi.fn(), onMenuAction = vi.fn()) =>
  renderWithStore(
    <ContainerList
      rows={rows}
      sort={{ key: 'name', direction: 'asc' }}
      now={Date.now()}
      onSort={vi.fn()}
      onAction={onAction}
      onDismissError={vi.fn()}
      onMenuAction={onMenuAction}
    />,
  );

afterEach(() => {
  window.location.hash = '';
});

// Counts DOM rows, not time: a generous timeout keeps it steady on a loaded 2-core machine.
describe('ContainerList', { timeout: 15_000 }, () => {
  it('renders only a window of rows out of 5,000 and announces the full count', () => {
    renderList();
    const rendered = screen.getAllByRole('row').length - 1; // minus the header row
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    expect(screen.getByRole('grid', { name: 'Containers' })).toHaveAttribute('aria-rowcount', '5001');
    expect(screen.getByRole('row', { name: 'c0000' })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: 'c4999' })).not.toBeInTheDocument();
  });

  it('moves focus between rows with the arrow keys and runs the Delete shortcut on the focused row', async () => {
    const onAction = vi.fn();
    const user = userEvent.setup();
    renderList(manyRows(20), onAction);
    const first = screen.getByRole('row', { name: 'c0000' });
    expect(first).toHaveAttribute('tabindex', '0');
    first.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('row', { name: 'c0002' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('row', { name: 'c0001' })).toHaveFocus();
    await user.keyboard('{Delete}');
    expect(onAction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'c0001' }),
      expect.objectContaining({ id: 'remove' }),
    );
  });

  it('opens the focused row with Enter, and its actions menu with Shift+F10 or the context-menu key', async () => {
    const onAction = vi.fn();
    const onMenuAction = vi.fn();
    const user = userEvent.setup();
    renderList(manyRows(5), onAction, onMenuAction);
    screen.getByRole('row', { name: 'c0000' }).focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(window.location.hash).toBe('#/containers/c0001-id');

    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await screen.findByRole('menu');
    // Every action is in the menu: the state's buttons and the "more" actions.
    expect(within(menu).getByRole('menuitem', { name: 'Stop' })).toBeInTheDocument();
    await user.click(within(menu).getByRole('menuitem', { name: 'Copy as docker run' }));
    expect(onMenuAction).toHaveBeenCalledWith(expect.objectContaining({ name: 'c0001' }), expect.objectContaining({ id: 'copyRun' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    act(() => screen.getByRole('row', { name: 'c0002' }).focus());
    await user.keyboard('{ContextMenu}');
    await user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Restart' }));
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ name: 'c0002' }), expect.objectContaining({ id: 'restart' }));
  });

  it("lets Tab reach the focused row's controls, and only that row's", async () => {
    const onAction = vi.fn();
    const user = userEvent.setup();
    renderList(manyRows(3), onAction);
    const row = screen.getByRole('row', { name: 'c0001' });
    act(() => row.focus());
    const other = screen.getByRole('row', { name: 'c0000' });
    expect(within(other).getByRole('button', { name: 'Stop c0000' })).toHaveAttribute('tabindex', '-1');
    // (The checkbox is disabled: this list has no selection.)
    await user.tab();
    expect(within(row).getByRole('link', { name: 'c0001' })).toHaveFocus();
    await user.tab();
    expect(within(row).getByRole('button', { name: 'Stop c0001' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ name: 'c0001' }), expect.objectContaining({ id: 'stop' }));
  });
});

describe('ContainerList security badges', { timeout: 15_000 }, () => {
  it("shows each container's finding count in the colour of its worst severity, live, linking to its Security tab", () => {
    const { fake } = renderList(manyRows(3));
    const row = () => screen.getByRole('row', { name: 'c0001' });
    expect(within(row()).queryByRole('link', { name: /security finding/ })).not.toBeInTheDocument();
    const findings = auditOf('c0001', { privileged: true }).findings;
    act(() => fake.emit('security.changed', { kind: 'reset', items: [{ ...auditOf('c0001', { privileged: true }), id: 'c0001-id' }] }));
    const badge = within(row()).getByRole('link', { name: `${findings.length} security findings, worst high` });
    expect(badge).toHaveAttribute('href', '#/containers/c0001-id/security');
    expect(within(screen.getByRole('row', { name: 'c0000' })).queryByRole('link', { name: /security finding/ })).not.toBeInTheDocument();
  });
});

describe('ContainerList in a narrow window', () => {
  withFakeLayout(600, 760);

  it('hides the least important columns, keeps the actions, and never needs sideways scroll', () => {
    renderList(manyRows(3));
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['', 'Name', 'Image', 'State', 'Ports', 'Actions']);
    const row = screen.getByRole('row', { name: 'c0000' });
    expect(within(row).getByRole('button', { name: 'Stop c0000' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'More actions for c0000' })).toBeInTheDocument();
    expect(within(row).getAllByRole('gridcell')).toHaveLength(6);
  });
});
