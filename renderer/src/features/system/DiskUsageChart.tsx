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
  return `${label}: ${formatBytes(c.totalBytes)} in ${c.count} (${c.active} in use), ${formatBytes(c.cleanupBytes)} freed by a clean-up, ${formatBytes(c.reclaimableBytes)} not in use`;
}

/** The three parts of a bar, each within the total: in use, unused but kept by the default clean-up, freed by it. */
export function barParts(c: DiskUsageCategory): { used: number; kept: number; freed: number } {
  const unused = Math.min(Math.max(c.reclaimableBytes, c.cleanupBytes), c.totalBytes);
  const freed = Math.min(c.cleanupBytes, unused);
  return { used: c.totalBytes - unused, kept: unused - freed, freed };
}

/**
 * One horizontal bar per kind, scaled to the largest: the part in use, the part not in use that the default
 * clean-up keeps (tagged images, volumes), and the part it frees (the figure its preview shows).
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
          const parts = barParts(u);
          const used = scale(parts.used);
          const kept = scale(parts.kept);
          return (
            <g key={c.key}>
              <text x={0} y={y + BAR * 0.7} fontSize={13} fill="currentColor">
                {c.label}
              </text>
              <rect x={LABEL} y={y} width={Math.max(used, 0)} height={BAR} rx={3} fill="var(--mui-palette-primary-main, #1976d2)" />
              <rect x={LABEL + used} y={y} width={Math.max(kept, 0)} height={BAR} rx={3} fill="var(--mui-palette-grey-400, #bdbdbd)" />
              <rect x={LABEL + used + kept} y={y} width={Math.max(scale(parts.freed), 0)} height={BAR} rx={3} fill="var(--mui-palette-warning-main, #ed6c02)" />
              <text x={LABEL + scale(u.totalBytes) + 6} y={y + BAR * 0.7} fontSize={12} fill="currentColor">
                {formatBytes(u.totalBytes)}
              </text>
            </g>
          );
        })}
      </svg>
      <Box sx={{ display: 'flex', gap: 2, mt: 1, flexWrap: 'wrap' }} aria-hidden>
        <Legend color="primary.main" label="In use" />
        <Legend color="grey.400" label="Not in use, kept by a clean-up" />
        <Legend color="warning.main" label="Freed by a clean-up" />
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
