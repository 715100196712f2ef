import { Chip, Link } from '@mui/material';
import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import { containerHref } from '../../app/useHashRoute';
import { plural, worstSeverity } from '../../api/contract';
import { useBerth } from '../../stores/context';
import { severityColor } from './severity';

/**
 * A container's finding count in the colour of its worst severity, linking to its Security tab. Reads the
 * store itself, so a container row re-renders only when its own findings change.
 */
export function SecurityBadge({ id, tabIndex }: { id: string; tabIndex?: number }) {
  const findings = useBerth((s) => s.security.items[id]?.findings);
  if (!findings || findings.length === 0) return null;
  const worst = worstSeverity(findings) ?? 'low';
  const label = `${plural(findings.length, 'security finding')}, worst ${worst}`;
  return (
    <Link href={containerHref(id, 'security')} aria-label={label} title={label} tabIndex={tabIndex} onClick={(e) => e.stopPropagation()} underline="none">
      <Chip size="small" icon={<GppMaybeIcon />} label={findings.length} color={severityColor[worst]} variant="outlined" sx={{ cursor: 'pointer' }} />
    </Link>
  );
}
