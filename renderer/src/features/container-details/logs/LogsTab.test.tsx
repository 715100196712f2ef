// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fail, ok, type LogLine } from '../../../api/contract';
import { renderWithStore, withFakeLayout } from '../../../testing/render';
import { LogsTab } from './LogsTab';

withFakeLayout();

// 3,000 lines, two of them "needle", far above the newest line that Follow keeps in view.
const lines: LogLine[] = Array.from({ length: 3000 }, (_, i) => ({
  stream: 'stdout',
  text: i === 100 ? 'first needle here' : i === 1500 ? 'second needle here' : `ordinary line ${i}`,
}));

async function setup(handlers = {}) {
  // jsdom has no layout: keep what the virtualizer scrolls to so the rendered window follows it.
  const tops = new WeakMap<Element, number>();
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return tops.get(this) ?? 0;
    },
    set(this: Element, top: number) {
      tops.set(this, top);
    },
  });
  // A scroller is as tall as the sized box inside it (the virtualizer's total height).
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const inner = this.firstElementChild;
      const h = inner instanceof HTMLElement ? parseFloat(inner.style.height) : NaN;
      return Number.isFinite(h) ? h : 0;
    },
  });
  Element.prototype.scrollTo = vi.fn(function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  });
  const r = renderWithStore(<LogsTab id="abc123" name="web" />, handlers);
  const log = await screen.findByRole('log', { name: 'Logs of web' });
  act(() => r.fake.openStream('containers.logs').data({ lines }));
  await waitFor(() => expect(log).toHaveTextContent('ordinary line 2999'));
  return { ...r, log };
}

describe('LogsTab', () => {
  it('shows the first match as it is typed, turns Follow off, and moves with Enter and Shift+Enter', async () => {
    const { user, log } = await setup();
    const follow = screen.getByRole('switch', { name: 'Follow' });
    expect(follow).toBeChecked();
    expect(log).not.toHaveTextContent('first needle here');
    await user.click(screen.getByRole('textbox', { name: 'Search the logs' }));
    await user.paste('needle');
    // No Enter yet: the first match is in view and marked, and Follow is off so new lines do not scroll it away.
    await waitFor(() => expect(log).toHaveTextContent('first needle here'));
    expect(screen.getByText('1 of 2')).toBeInTheDocument();
    expect(follow).not.toBeChecked();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(log).toHaveTextContent('second needle here'));
    expect(screen.getByText('2 of 2')).toBeInTheDocument();
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await waitFor(() => expect(log).toHaveTextContent('first needle here'));
    expect(screen.getByText('1 of 2')).toBeInTheDocument();
    // Follow can be turned on again: back to the newest line.
    await user.click(follow);
    expect(follow).toBeChecked();
    await waitFor(() => expect(log).toHaveTextContent('ordinary line 2999'));
  });

  it('offers the full log from the engine and the shown lines, and says why a full download failed', async () => {
    const ticket = { transferId: 't1', direction: 'download' as const, filename: 'web.log', expiresAt: Date.now() + 60_000 };
    const { fake, user } = await setup({
      'containers.logs.download': vi.fn().mockReturnValueOnce(ok(ticket)).mockReturnValueOnce(fail('NOT_FOUND', 'Container web was not found.')),
    });
    const createObjectURL = vi.fn(() => 'blob:shown');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await user.click(screen.getByRole('menuitem', { name: 'Download full log' }));
    await waitFor(() => expect(fake.callsOf('containers.logs.download')).toEqual([{ id: 'abc123', timestamps: false }]));
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await user.click(screen.getByRole('menuitem', { name: 'Download shown lines' }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await user.click(screen.getByRole('menuitem', { name: 'Download full log' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Could not download the log: Container web was not found./)).toBeInTheDocument();
  });
});
