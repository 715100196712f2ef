import { useMemo } from 'react';
import { Box, CircularProgress, Paper, Typography } from '@mui/material';
import { CIS_DOCKER, plural, SEVERITIES, summarizeAudits } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';
import { extraSections } from './sections';
import { severityColor, severityLabel } from './severity';

/** The security lens: a summary by severity, then each section of `extraSections` (containers first). */
export function SecurityPage() {
  const record = useBerth((s) => s.security.items);
  const loaded = useBerth((s) => s.security.loaded);
  const error = useBerth((s) => (s.engineStatus?.state === 'unreachable' ? null : s.security.error));
  const summary = useMemo(() => summarizeAudits(Object.values(record)), [record]);
  const imageRecord = useBerth((s) => s.imageSecurity.items);
  const images = useMemo(() => Object.values(imageRecord), [imageRecord]);
  return (
    <Box sx={{ height: '100%', overflow: 'auto', p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box>
        <Typography variant="h5" component="h1">
          Security
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Every container and image checked against rules derived from the {CIS_DOCKER}, live as they change. Also on the command line: berth audit --json (images: berth audit --images).
        </Typography>
      </Box>
      <ErrorAlert error={error} />
      {!loaded && !error ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }} role="status">
          <CircularProgress size={18} /> Checking containers…
        </Box>
      ) : (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }} role="group" aria-label="Findings by severity">
          {SEVERITIES.map((s) => (
            <Paper key={s} variant="outlined" sx={{ px: 2, py: 1, minWidth: 120, borderColor: `${severityColor[s]}.main` }} aria-label={`${severityLabel[s]}: ${summary.bySeverity[s]}`}>
              <Typography variant="h4" component="p" color={`${severityColor[s]}.main`}>
                {summary.bySeverity[s]}
              </Typography>
              <Typography variant="body2">{severityLabel[s]}</Typography>
            </Paper>
          ))}
          <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 160 }}>
            <Typography variant="h4" component="p">
              {summary.affected}/{summary.containers}
            </Typography>
            <Typography variant="body2">{plural(summary.containers, 'container')} with findings</Typography>
          </Paper>
          <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 160 }}>
            <Typography variant="h4" component="p">
              {images.filter((i) => i.findings.length > 0).length}/{images.length}
            </Typography>
            <Typography variant="body2">{plural(images.length, 'image')} with findings</Typography>
          </Paper>
          <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 160 }}>
            <Typography variant="h4" component="p">
              {Object.keys(summary.projects).length}
            </Typography>
            <Typography variant="body2">compose projects, {Object.keys(summary.services).length} swarm services</Typography>
          </Paper>
        </Box>
      )}
      {extraSections.map(({ id, title, component: Section }) =>
        title ? (
          <Box key={id} component="section" aria-labelledby={`security-${id}`}>
            <Typography id={`security-${id}`} variant="h6" component="h2" sx={{ mb: 1 }}>
              {title}
            </Typography>
            <Section />
          </Box>
        ) : (
          <Section key={id} />
        ),
      )}
    </Box>
  );
}
