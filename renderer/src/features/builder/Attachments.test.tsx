// @vitest-environment jsdom
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithStore } from '../../testing/render';
import { useBuilder, useBuilderStore } from './builderStore';
import { Inspector } from './Inspector';
import type { Selection } from './builderStore';

const FILE = 'services:\n  web:\n    image: w\n    volumes:\n      - data:/srv\n      - type: volume\n        source: data\n        target: /backup\n    networks: [data]\nvolumes:\n  data:\nnetworks:\n  data:\n';

/** The inspector over a builder loaded with FILE and `selection` selected (as a click on an edge does). */
function Harness({ selection }: { selection: Selection }) {
  const store = useBuilderStore();
  // Loaded once, before the first render of the inspector.
  useState(() => {
    store.getState().load('test', FILE);
    store.getState().select(selection);
    return true;
  });
  const text = useBuilder((s) => s.text);
  return (
    <>
      <Inspector onStatus={() => undefined} />
      <pre data-testid="yaml">{text}</pre>
    </>
  );
}

describe('a selected volume or network connection', { timeout: 20_000 }, () => {
  it('unmounts the volume (every mount of it), not the network of the same name', async () => {
    renderWithStore(<Harness selection={{ kind: 'edge', from: 'web', to: 'data', edge: 'volume' }} />);
    const form = await screen.findByRole('form', { name: 'Connection web to volume data' });
    expect(form).toHaveTextContent('web mounts data at /srv, /backup.');
    fireEvent.click(screen.getByRole('button', { name: 'Unmount data' }));
    expect(screen.getByTestId('yaml').textContent).toBe('services:\n  web:\n    image: w\n    networks: [data]\nvolumes:\n  data:\nnetworks:\n  data:\n');
    // The edge is gone, so is its inspector.
    expect(screen.queryByRole('form', { name: /Connection web to/ })).toBeNull();
  });

  it('disconnects the network', async () => {
    renderWithStore(<Harness selection={{ kind: 'edge', from: 'web', to: 'data', edge: 'network' }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect from data' }));
    const yaml = screen.getByTestId('yaml').textContent ?? '';
    expect(yaml).not.toContain('networks: [data]');
    expect(yaml).toContain('      - data:/srv\n');
  });
});
