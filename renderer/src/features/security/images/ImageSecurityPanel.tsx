import { Box, Typography } from '@mui/material';
import { CIS_DOCKER } from '../../../api/contract';
import { useBerth } from '../../../stores/context';
import { FindingItem } from '../FindingItem';
import { DeepScan } from './DeepScan';

/**
 * An image's findings (CIS section 4, from its config and build history) and its deep scan. The image's own
 * facts only: whether a container overrides the user or adds a healthcheck shows on that container.
 */
export function ImageSecurityPanel({ id, name }: { id: string; name: string }) {
  const audit = useBerth((s) => s.imageSecurity.items[id]);
  const loaded = useBerth((s) => s.imageSecurity.loaded);
  if (!audit) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }} role="status">
        {loaded ? 'This image has not been checked yet.' : 'Checking images…'}
      </Typography>
    );
  }
  return (
    <Box sx={{ px: 2, py: 1 }}>
      {audit.findings.length === 0 ? (
        <Typography variant="body2" sx={{ py: 1 }}>
          No findings: the image passes Berth's image rules (derived from the {CIS_DOCKER}, section 4).
        </Typography>
      ) : (
        <Box component="ul" aria-label={`Security findings of ${name}`} sx={{ m: 0, p: 0 }}>
          {audit.findings.map((f) => (
            <FindingItem key={f.ruleId} finding={f} name={name} />
          ))}
        </Box>
      )}
      <DeepScan audit={audit} />
    </Box>
  );
}
