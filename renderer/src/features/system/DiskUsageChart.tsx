import { Box, Typography } from '@mui/material';
import { formatBytes, type DiskUsage, type DiskUsageCategory } from '../../api/contract';

export const CATEGORIES: { key: keyof DiskUsage; label: string }[] = [
  { key: 'images', label: 'Images' },
  { key: 'containers', label: 'Containers' },
  { key: 'volumes', label: 'Volumes' },
  { key: 'buildCache', label: 'Build cache' },
];

const WIDTH = 480;
const BAR = 22;
const GAP = 18;
const LABEL = 100;

function describe(label: string, c: DiskUsageCategory): string {
  return `${label}: ${formatBytes(c.totalBytes)} in ${c.count} (${c.active} in use), ${formatBytes(c.reclaimableBytes)} reclaimable`;
}

/**
 * One horizontal bar per kind, scaled to the largest: the part in use and the part a clean-up could free.
 * Plain SVG (no layout measuring), so it renders the same in the app, in tests and in screenshots.
 */
export function DiskUsageChart({ usage }: { usage: DiskUsage }) {
  const max = Math.max(1, ...CATEGORIES.map((c) => usage[c.key].totalBytes));
  const scale = (bytes: number) => (bytes / max) * (WIDTH - LABEL - 90);
  const height = CATEGORIES.length * (BAR + GAP);
  return (
    <Box>
      <svg role="img" aria-label={CATEGORIES.map((c) => describe(c.label, usage[c.key])).join('; ')} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH * 1.4 }}>
        {CATEGORIES.map((c, i) => {
          const u = usage[c.key];
          const y = i * (BAR + GAP);
          const reclaimable = Math.min(u.reclaimableBytes, u.totalBytes);
          const used = scale(u.totalBytes - reclaimable);
          return (
            <g key={c.key}>
              <text x={0} y={y + BAR * 0.7} fontSize={13} fill="currentColor">
                {c.label}
              </text>
              <rect x={LABEL} y={y} width={Math.max(used, 0)} height={BAR} rx={3} fill="var(--mui-palette-primary-main, #1976d2)" />
              <rect x={LABEL + used} y={y} width={Math.max(scale(reclaimable), 0)} height={BAR} rx={3} fill="var(--mui-palette-warning-main, #ed6c02)" />
              <text x={LABEL + scale(u.totalBytes) + 6} y={y + BAR * 0.7} fontSize={12} fill="currentColor">
                {formatBytes(u.totalBytes)}
              </text>
            </g>
          );
        })}
      </svg>
      <Box sx={{ display: 'flex', gap: 2, mt: 1 }} aria-hidden>
        <Legend color="primary.main" label="In use" />
        <Legend color="warning.main" label="Reclaimable" />
      </Box>
    </Box>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <Box sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: color }} />
      <Typography variant="caption">{label}</Typography>
    </Box>
  );
}
