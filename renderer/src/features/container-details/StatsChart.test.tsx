// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatMemory, formatRate } from '../../api/contract';
import { axisTop, StatsChart } from './StatsChart';

describe('axisTop', () => {
  it.each([
    [0, 10, 1],
    [0.7, 10, 1],
    [12.5, 10, 20],
    [80, 10, 100],
    [1500, 1000, 2000],
    [42_000_000, 1000, 50_000_000],
    [65 * 1024 ** 2, 1024, 100 * 1024 ** 2],
    [1.6 * 1024 ** 3, 1024, 2 * 1024 ** 3],
  ] as const)('%d (base %d) → %d', (value, base, top) => expect(axisTop(value, base)).toBe(top));
});

describe('StatsChart', () => {
  it('labels the value axis in the unit and the time axis, with a legend for two series', () => {
    render(
      <StatsChart
        label="Network"
        window={60}
        format={formatRate}
        base={1000}
        series={[
          { label: 'received', color: '#000', values: [100, 1500] },
          { label: 'sent', color: '#111', values: [0, 10] },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Network; axis 0 to 2.0 kB/s over the last 60 seconds' });
    expect(chart).toHaveTextContent('2.0 kB/s1.0 kB/s0 B/s');
    expect(chart).toHaveTextContent('60 s ago30 snow');
    expect(chart).toHaveTextContent('receivedsent');
  });

  it('reads memory in binary units', () => {
    render(<StatsChart label="Memory" window={60} format={formatMemory} base={1024} series={[{ label: 'Memory', color: '#000', values: [65 * 1024 ** 2] }]} />);
    expect(screen.getByRole('img', { name: /axis 0 to 100.0 MiB/ })).toHaveTextContent('100.0 MiB50.0 MiB0 B');
  });
});
