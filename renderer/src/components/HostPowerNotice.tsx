import { Alert, AlertTitle, Box } from '@mui/material';

/**
 * Tells an operator, before deploying, which containers ask for host power (privileged, capabilities, host
 * namespaces, devices, bind mounts): the server refuses those below admin. `denials` come from
 * `useHostPowerDenials` (components/access.ts); nothing is shown when there are none.
 */
export function HostPowerNotice({ denials }: { denials: readonly string[] }) {
  if (denials.length === 0) return null;
  return (
    <Alert severity="error" role="note" aria-label="Needs an admin">
      <AlertTitle>Only an admin can deploy this</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {denials.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </Box>
      Ask an admin to deploy it, or remove those settings.
    </Alert>
  );
}
