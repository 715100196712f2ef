// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorBoundary } from './ErrorBoundary';

let broken = true;
function Fragile() {
  if (broken) throw new Error('cannot read the list');
  return <p>page content</p>;
}

afterEach(() => {
  broken = true;
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('shows the crash instead of a blank page, and recovers on Try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary what="This page">
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This page stopped working');
    expect(screen.getByRole('alert')).toHaveTextContent('cannot read the list');
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('page content')).toBeInTheDocument();
  });

  it('renders its children untouched when nothing throws', () => {
    broken = false;
    render(
      <ErrorBoundary what="This page">
        <Fragile />
      </ErrorBoundary>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
