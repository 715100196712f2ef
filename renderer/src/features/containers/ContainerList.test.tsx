// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toContainerRow } from '../../stores/selectors';
import { container } from '../../testing/fixtures';
import { withFakeLayout } from '../../testing/render';
import { ContainerList } from './ContainerList';

withFakeLayout(600);

const manyRows = (n: number) =>
  Array.from({ length: n }, (_, i) => toContainerRow(container(`c${String(i).padStart(4, '0')}`)));

const renderList = (rows = manyRows(5000), onAction = vi.fn()) =>
  render(
    <ContainerList
      rows={rows}
      sort={{ key: 'name', direction: 'asc' }}
      now={Date.now()}
      onSort={vi.fn()}
      onAction={onAction}
      onDismissError={vi.fn()}
    />,
  );

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
});
