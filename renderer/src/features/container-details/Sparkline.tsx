import { Box } from '@mui/material';

interface Series {
  values: number[];
  color: string;
  label: string;
}

/**
 * A small line chart drawn as SVG: a rolling window of samples, scaled to its own maximum (or `max`). Hand-drawn
 * rather than a chart library so a chart costs one path per series at 1 Hz and renders in tests.
 */
export function Sparkline({ series, window, max, label }: { series: Series[]; window: number; max?: number; label: string }) {
  const width = 300;
  const height = 80;
  const top = Math.max(max ?? 0, ...series.flatMap((s) => s.values), 1e-9);
  const x = (i: number, n: number) => ((window - n + i) / (window - 1)) * width;
  const y = (v: number) => height - (v / top) * (height - 4) - 2;
  return (
    <Box component="svg" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label} sx={{ width: '100%', height: 80, display: 'block', bgcolor: 'action.hover', borderRadius: 1 }}>
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
  );
}
