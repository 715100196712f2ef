// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorCode } from '../api/contract';
import { DangerDialog } from './DangerDialog';

describe('DangerDialog', () => {
  it('says what is lost, focuses Cancel and confirms with the red button', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <DangerDialog
        id="t"
        title="Remove x?"
        lost="Its data is lost."
        confirmLabel="Remove"
        onConfirm={onConfirm}
        onCancel={onCancel}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Remove x?' });
    expect(dialog).toHaveTextContent('Its data is lost.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('waits while busy, holds the action while there is nothing to confirm, and shows an error', () => {
    const props = { id: 't', title: 'Prune', confirmLabel: 'Remove', onConfirm: vi.fn(), onCancel: vi.fn() };
    const { rerender } = render(<DangerDialog {...props} canConfirm={false} />);
    expect(screen.getByRole('button', { name: 'Remove' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();

    rerender(
      <DangerDialog {...props} busy error={{ code: ErrorCode.CONFLICT, message: 'The volume is in use.' }} />,
    );
    expect(screen.getByRole('button', { name: 'Remove' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(screen.getByRole('alert')).toHaveTextContent('The volume is in use.');
  });
});
