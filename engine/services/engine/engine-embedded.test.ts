import type { EmbeddedEngine } from '../../providers/types';
import { EmbeddedOwner } from './engine-embedded';

const handle = (reused: boolean, stop: () => Promise<void>): EmbeddedEngine => ({
  candidate: { id: 'embedded', label: 'Berth engine', endpoint: 'unix:///x/docker.sock', source: 'embedded', embedded: true },
  socketPath: '/x/docker.sock',
  logFile: '/x/dockerd.log',
  pid: 42,
  ...(reused ? { reused: true } : {}),
  stop,
});

describe('EmbeddedOwner', () => {
  it('stops the engine it launched on stop()', async () => {
    const stop = vi.fn(() => Promise.resolve());
    const owner = new EmbeddedOwner(() => Promise.resolve(handle(false, stop)), () => true);
    await owner.ensure();
    await owner.stop();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('leaves an engine it found running (reused) running, so a CLI command never stops the app engine', async () => {
    const stop = vi.fn(() => Promise.resolve());
    const owner = new EmbeddedOwner(() => Promise.resolve(handle(true, stop)), () => true);
    await owner.ensure();
    await owner.stop();
    expect(stop).not.toHaveBeenCalled();
  });
});
