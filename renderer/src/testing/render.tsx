import type { ReactElement } from 'react';
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { StoreProvider } from '../stores/context';
import { bindEngine, createBerthStore } from '../stores/store';
import { createFakeClient, type Handlers } from './fakeClient';

/** Applies batched patches at once, so a test can assert right after emitting an event. */
const immediate = (run: () => void) => {
  run();
  return () => undefined;
};

/** Renders `ui` over a real store and a fake engine client, with the transport already open. */
export function renderWithStore(ui: ReactElement, handlers: Handlers = {}) {
  const fake = createFakeClient(handlers);
  const store = createBerthStore(fake.client);
  const unbind = bindEngine(store, fake.client, immediate);
  const user = userEvent.setup();
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  act(() => fake.setTransport('open'));
  return { ...result, fake, store, user, unbind };
}

/** jsdom has no layout: give elements a size so the virtualized list renders a realistic window. */
export function withFakeLayout(height = 600, width = 1400) {
  const original = {
    h: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    w: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  };
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  });
  afterEach(() => {
    if (original.h) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original.h);
    if (original.w) Object.defineProperty(HTMLElement.prototype, 'clientWidth', original.w);
  });
}

/** React Flow measures its nodes with ResizeObserver and DOMMatrixReadOnly, which jsdom lacks: stand-ins for both. */
export function withFlowDomStandIns() {
  beforeAll(() => {
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    (globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly ??= class {
      m22 = 1;
    };
  });
}

/** A promise the test settles by hand, to observe in-between (pending) states. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
