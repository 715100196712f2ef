import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchCluster } from './watch';

afterEach(() => vi.useRealTimers());

describe('watchCluster', () => {
  it('publishes only when what the panel shows changes, not on every tick', async () => {
    vi.useFakeTimers();
    const states = ['a', 'a', 'b', 'b', 'b', 'c'];
    let i = 0;
    const publish = vi.fn(() => Promise.resolve());
    const w = watchCluster(
      { signature: () => Promise.resolve(states[Math.min(i++, states.length - 1)] ?? ''), publish },
      100,
    );
    for (let t = 0; t < 8; t++) await vi.advanceTimersByTimeAsync(100);
    w.stop();
    expect(publish).toHaveBeenCalledTimes(2);
  });

  it('keeps going after a failed probe and stops for good', async () => {
    vi.useFakeTimers();
    const signature = vi
      .fn()
      .mockResolvedValueOnce('x')
      .mockRejectedValueOnce(new Error('gone'))
      .mockResolvedValue('y');
    const publish = vi.fn(() => Promise.resolve());
    const w = watchCluster({ signature, publish }, 100);
    await vi.advanceTimersByTimeAsync(300);
    expect(publish).toHaveBeenCalledTimes(1);
    w.stop();
    const calls = signature.mock.calls.length;
    await vi.advanceTimersByTimeAsync(500);
    expect(signature.mock.calls.length).toBe(calls);
  });
});
