import { useState } from 'react';
import { Box, Button, Chip, Collapse, Typography } from '@mui/material';
import BuildIcon from '@mui/icons-material/Build';
import type { Finding } from '../../api/contract';
import { severityColor, severityLabel } from './severity';

interface Props {
  finding: Finding;
  /** The container it is about, for labels read aloud. */
  name: string;
  /** Opens the one-click fix; absent when the user may not (or Berth cannot) recreate the container. */
  onFix?: (finding: Finding) => void;
}

/** One finding: severity, what is wrong, the benchmark it derives from, why it matters and how to fix it. */
export function FindingItem({ finding, name, onFix }: Props) {
  const [open, setOpen] = useState(false);
  const detailsId = `finding-${name}-${finding.ruleId}`;
  return (
    <Box component="li" aria-label={`${finding.title} on ${name}`} sx={{ listStyle: 'none', py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Chip size="small" label={severityLabel[finding.severity]} color={severityColor[finding.severity]} />
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {finding.title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 160 }}>
          {finding.message}
        </Typography>
        <Typography variant="caption" color="text.secondary" title={finding.benchmark}>
          CIS {finding.benchmarkId}
        </Typography>
        <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={detailsId}>
          {open ? 'Hide why' : 'Why and how to fix'}
        </Button>
        {finding.remedy && onFix ? (
          <Button size="small" variant="outlined" startIcon={<BuildIcon />} onClick={() => onFix(finding)} aria-label={`${finding.remedy.label} (${name})`}>
            {finding.remedy.label}
          </Button>
        ) : (
          <Chip size="small" variant="outlined" label="Advice" title="Berth cannot apply this fix for you: follow the advice below" />
        )}
      </Box>
      <Collapse in={open} unmountOnExit>
        <Box id={detailsId} sx={{ pl: 1, pt: 1, display: 'grid', gap: 0.5 }}>
          <Typography variant="body2">
            <strong>Why it matters:</strong> {finding.why}
          </Typography>
          <Typography variant="body2">
            <strong>How to fix:</strong> {finding.fix}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            Rule {finding.ruleId}, from {finding.benchmark} recommendation {finding.benchmarkId}.
          </Typography>
        </Box>
      </Collapse>
    </Box>
  );
}
