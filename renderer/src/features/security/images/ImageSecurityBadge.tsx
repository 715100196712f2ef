import { Chip } from '@mui/material';
import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import { plural, worstSeverity } from '../../../api/contract';
import { useBerth } from '../../../stores/context';
import { severityColor } from '../severity';

/**
 * An image's finding count in the colour of its worst severity; with `onOpen`, a click opens its Security tab
 * (without, a plain label, e.g. inside the tab itself). Reads the store itself, so an image row re-renders only
 * when its own findings change.
 */
export function ImageSecurityBadge({
  id,
  onOpen,
  tabIndex,
}: {
  id: string;
  onOpen?: () => void;
  tabIndex?: number;
}) {
  const findings = useBerth((s) => s.imageSecurity.items[id]?.findings);
  if (!findings || findings.length === 0) return null;
  const worst = worstSeverity(findings) ?? 'low';
  const label = `${plural(findings.length, 'security finding')}, worst ${worst}`;
  return (
    <Chip
      size="small"
      icon={<GppMaybeIcon />}
      label={findings.length}
      color={severityColor[worst]}
      variant="outlined"
      aria-label={label}
      {...(tabIndex !== undefined ? { tabIndex } : {})}
      title={label}
      {...(onOpen
        ? {
            onClick: (e: React.MouseEvent) => {
              e.stopPropagation();
              onOpen();
            },
          }
        : {})}
      sx={{ flexShrink: 0 }}
    />
  );
}
