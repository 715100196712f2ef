import { describe, expect, it } from 'vitest';
import type { TaskStep } from '../../api/contract';
import { progressLabel, progressPercent, stepCounts } from './format';

describe('task progress formatting', () => {
  it('clamps and rounds the fraction, shows 100% once done, nothing when unknown', () => {
    expect(progressPercent({ state: 'running', progress: { fraction: 0.426 } })).toBe(43);
    expect(progressPercent({ state: 'running', progress: { fraction: 1.7 } })).toBe(100);
    expect(progressPercent({ state: 'running', progress: { fraction: -1 } })).toBe(0);
    expect(progressPercent({ state: 'running' })).toBeUndefined();
    expect(progressPercent({ state: 'succeeded' })).toBe(100);
    expect(progressPercent({ state: 'failed', progress: { fraction: 0.5 } })).toBe(50);
  });

  it('labels counters in their unit and the percentage only while running', () => {
    expect(
      progressLabel({ state: 'running', progress: { fraction: 0.5, current: 3, total: 6, unit: 'steps' } }),
    ).toBe('50% · 3 of 6 steps');
    expect(progressLabel({ state: 'running', progress: { current: 1_500_000, unit: 'bytes' } })).toBe(
      '1.5 MB',
    );
    expect(progressLabel({ state: 'succeeded', progress: { current: 12, total: 12, unit: 'items' } })).toBe(
      '12 of 12 items',
    );
    expect(progressLabel({ state: 'running' })).toBeUndefined();
  });

  it('counts steps one way everywhere: the steps decide, skipped ones count as finished (issue #13 item 8)', () => {
    const steps: TaskStep[] = [
      { id: 'a', label: 'a', state: 'done' },
      { id: 'b', label: 'b', state: 'skipped' },
      { id: 'c', label: 'c', state: 'done' },
      { id: 'd', label: 'd', state: 'running' },
    ];
    // The task's own counter lags ("2 of 4") while three steps are finished: the label follows the steps.
    const task = { state: 'running' as const, steps, progress: { fraction: 0.5, current: 2, total: 4, unit: 'steps' as const } };
    expect(stepCounts(task)).toEqual({ done: 3, total: 4 });
    expect(progressLabel(task)).toBe('50% · 3 of 4 steps');
    // A build that announces 7 steps before it has seen them keeps the announced total.
    expect(stepCounts({ steps: steps.slice(0, 2), progress: { current: 1, total: 7, unit: 'steps' } })).toEqual({ done: 2, total: 7 });
    // Byte progress with layer steps keeps its bytes label.
    expect(progressLabel({ state: 'running', steps, progress: { current: 1_000_000, total: 4_000_000, unit: 'bytes' } })).toBe('1.0 MB of 4.0 MB');
    expect(stepCounts({})).toBeUndefined();
  });
});
