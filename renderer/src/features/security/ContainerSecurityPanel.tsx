import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { containerHref } from '../../app/useHashRoute';
import { plural } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';
import { FindingList } from './FindingList';

/** The Security tab of a container's details: its findings, live, with the one-click fixes. */
export function ContainerSecurityPanel({ id }: { id: string }) {
  const audit = useBerth((s) => s.security.items[id]);
  const loaded = useBerth((s) => s.security.loaded);
  const error = useBerth((s) => s.security.error);
  if (error) return <ErrorAlert error={error} sx={{ m: 2 }} />;
  if (!loaded)
    return (
      <Box sx={{ p: 2, display: 'flex', gap: 1, alignItems: 'center' }} role="status">
        <CircularProgress size={18} /> Checking the container's settings…
      </Box>
    );
  if (!audit) return <Alert severity="info" sx={{ m: 2 }}>No security check for this container yet.</Alert>;
  return (
    <Box sx={{ p: 2 }}>
      {audit.findings.length === 0 ? (
        <Alert severity="success">No findings: {audit.name} passes every rule of Berth's security lens.</Alert>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {plural(audit.findings.length, 'finding')} from rules derived from the {audit.findings[0]?.benchmark}. Fixes with a button recreate the container; the
            others are advice.
          </Typography>
          {/* A fix recreates the container under a new ID: follow it there. */}
          <FindingList audit={audit} onRecreated={(newId) => (window.location.hash = containerHref(newId, 'security'))} />
        </>
      )}
    </Box>
  );
}
