import { describe, expect, it } from 'vitest';
import { fitColumns, trackMinPx, type FitColumn } from './layout';

const columns: FitColumn[] = [
  { id: 'name', width: 'minmax(140px, 2fr)' },
  { id: 'image', width: 'minmax(130px, 2fr)', priority: 1 },
  { id: 'ports', width: '110px', priority: 3 },
  { id: 'created', width: '100px', priority: 4 },
  { id: 'actions', width: '200px', compactWidth: '48px', priority: 2, required: true },
];

describe('fitColumns', () => {
  it('reads the minimum of a track', () => {
    expect(trackMinPx('minmax(140px, 2fr)')).toBe(140);
    expect(trackMinPx('100px')).toBe(100);
    expect(trackMinPx('1fr')).toBe(0);
  });

  it('shows every column when they fit, or before the width is known', () => {
    for (const width of [1000, 0]) {
      const layout = fitColumns(columns, width);
      expect(layout.visible).toEqual(['name', 'image', 'ports', 'created', 'actions']);
      expect(layout.compact.size).toBe(0);
      expect(layout.minWidth).toBe(680);
    }
  });

  it('yields by priority: hides the least important first, then compacts the actions, never hides them', () => {
    expect(fitColumns(columns, 600).visible).toEqual(['name', 'image', 'ports', 'actions']);
    const narrower = fitColumns(columns, 470);
    expect(narrower.visible).toEqual(['name', 'image', 'actions']);
    expect(narrower.compact.size).toBe(0);
    const narrow = fitColumns(columns, 400);
    expect(narrow.visible).toEqual(['name', 'image', 'actions']);
    expect([...narrow.compact]).toEqual(['actions']);
    expect(narrow.template).toBe('minmax(140px, 2fr) minmax(130px, 2fr) 48px');
    const tiny = fitColumns(columns, 100);
    expect(tiny.visible).toEqual(['name', 'actions']);
    expect(tiny.minWidth).toBe(188);
  });
});
