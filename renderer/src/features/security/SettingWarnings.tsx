import { useMemo } from 'react';
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { auditConfig, ruleById, type AuditInput } from '../../api/contract';

/**
 * Warnings before deploying (run dialog, app builder): the risky settings this config asks for, then the
 * hardening it leaves out, in one line. Nothing when the config is clean.
 */
export function SettingWarnings({ input, what = 'this container' }: { input: AuditInput; what?: string }) {
  const findings = useMemo(() => auditConfig(input), [input]);
  const risky = findings.filter((f) => ruleById(f.ruleId)?.kind === 'setting');
  const missing = findings.filter((f) => ruleById(f.ruleId)?.kind === 'missing');
  if (findings.length === 0) return null;
  return (
    <Box sx={{ display: 'grid', gap: 1 }} aria-label="Security warnings">
      {risky.length > 0 && (
        // A note about the form, not an error of it: role "note" keeps it out of the form's alerts.
        <Alert severity={risky.some((f) => f.severity === 'high') ? 'error' : 'warning'} role="note">
          <AlertTitle>Risky settings for {what}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {risky.map((f) => (
              <li key={f.ruleId}>
                <strong>{f.title}</strong>: {f.message} {f.fix}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {missing.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          Hardening to consider: {missing.map((f) => f.title.toLowerCase()).join(', ')} (see the Security page once it runs).
        </Typography>
      )}
    </Box>
  );
}
