import { Box, Typography } from '@mui/material';

export interface ChartSeries {
  values: number[];
  color: string;
  label: string;
}

/** The value axis tops out at a round number of the unit's steps (1, 2, 2.5, 5 × base^k): "50 MB", "2.0 GiB". */
export function axisTop(value: number, base: 1000 | 1024 | 10 = 10): number {
  if (!(value > 0)) return 1;
  const unit = base === 10 ? 10 ** Math.floor(Math.log10(value)) : base ** Math.max(0, Math.floor(Math.log(value) / Math.log(base)));
  const scaled = value / unit;
  const magnitude = 10 ** Math.floor(Math.log10(scaled));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= scaled - 1e-9) ?? 10;
  return step * magnitude * unit;
}

interface Props {
  series: ChartSeries[];
  /** Samples the time axis spans (one a second). */
  window: number;
  /** The value axis reaches at least this (e.g. 100 for a percentage). */
  max?: number;
  /** How a value reads on the axis: "50 %", "20 MB/s". */
  format: (value: number) => string;
  /** The base its units step in: 1000 for SI bytes, 1024 for binary memory, 10 for plain numbers. */
  base?: 1000 | 1024 | 10;
  label: string;
}

const WIDTH = 300;
const HEIGHT = 80;
const axisText = { fontSize: 11, lineHeight: 1, color: 'text.secondary', whiteSpace: 'nowrap' } as const;

/**
 * A line chart of a rolling window of samples with a value axis (0, half, top, in the series' unit) and a time
 * axis (a minute ago … now). Drawn as one SVG path per series (axis text in HTML, so it does not stretch), cheap
 * at one sample a second and rendered in tests.
 */
export function StatsChart({ series, window, max, format, base = 10, label }: Props) {
  const top = axisTop(Math.max(max ?? 0, ...series.flatMap((s) => s.values)), base);
  const x = (i: number, n: number) => ((window - n + i) / (window - 1)) * WIDTH;
  const y = (v: number) => HEIGHT - (v / top) * HEIGHT;
  const ticks = [top, top / 2, 0];
  return (
    <Box role="img" aria-label={`${label}; axis 0 to ${format(top)} over the last ${window} seconds`}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 0.75 }}>
        <Box aria-hidden sx={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', textAlign: 'right', height: HEIGHT }}>
          {ticks.map((t) => (
            <Typography key={t} component="span" sx={axisText}>
              {format(t)}
            </Typography>
          ))}
        </Box>
        <Box component="svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" sx={{ width: '100%', height: HEIGHT, display: 'block', bgcolor: 'action.hover', borderRadius: 0.5 }}>
          {ticks.map((t) => (
            <line key={t} x1={0} x2={WIDTH} y1={y(t)} y2={y(t)} stroke="currentColor" strokeOpacity={0.15} vectorEffect="non-scaling-stroke" />
          ))}
          {series.map((s) =>
            s.values.length > 1 ? (
              <polyline
                key={s.label}
                fill="none"
                stroke={s.color}
                strokeWidth={1.5}
                vectorEffect="non-scaling-stroke"
                points={s.values.map((v, i) => `${x(i, s.values.length).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
              />
            ) : null,
          )}
        </Box>
        <span />
        <Box aria-hidden sx={{ display: 'flex', justifyContent: 'space-between', mt: 0.25 }}>
          <Typography component="span" sx={axisText}>
            {window} s ago
          </Typography>
          <Typography component="span" sx={axisText}>
            {Math.round(window / 2)} s
          </Typography>
          <Typography component="span" sx={axisText}>
            now
          </Typography>
        </Box>
      </Box>
      {series.length > 1 && (
        <Box aria-hidden sx={{ display: 'flex', gap: 1.5, mt: 0.5 }}>
          {series.map((s) => (
            <Typography key={s.label} component="span" sx={{ ...axisText, display: 'flex', alignItems: 'center', gap: 0.5 }}>
              <Box component="span" sx={{ width: 10, height: 2, bgcolor: s.color, display: 'inline-block' }} />
              {s.label}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
