import { describe, expect, it } from 'vitest';
import { progressLabel, progressPercent } from './format';

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
});
