import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box, Chip, CircularProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { BerthErrorData, ComposeConfigResult, ComposeSource } from '../../api/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useBerth } from '../../stores/context';
import { problemLocation, problemsOf } from './problems';

export type CheckState =
  | { state: 'checking' }
  | { state: 'valid'; config: ComposeConfigResult }
  | { state: 'invalid'; error: BerthErrorData };

/** Resolves the source with compose.config whenever it changes; answers for an older source are dropped. */
export function useConfigCheck(source: ComposeSource | undefined): CheckState | undefined {
  const client = useBerth((s) => s.client);
  const key = source ? JSON.stringify(source) : undefined;
  const [checked, setChecked] = useState<{ key: string; result: CheckState } | null>(null);
  useEffect(() => {
    if (!key) return;
    let current = true;
    void client.call('compose.config', { source: JSON.parse(key) as ComposeSource }).then((r) => {
      if (current) setChecked({ key, result: r.ok ? { state: 'valid', config: r.value } : { state: 'invalid', error: r.error } });
    });
    return () => {
      current = false;
    };
  }, [client, key]);
  if (!key) return undefined;
  return checked?.key === key ? checked.result : { state: 'checking' };
}

/** What the chosen files resolve to (project, services, profiles, warnings) or where they are wrong. */
export function ConfigCheckView({ check }: { check: CheckState }) {
  if (check.state === 'checking') {
    return (
      <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center', py: 1 }}>
        <CircularProgress size={16} /> Checking the compose files…
      </Box>
    );
  }
  if (check.state === 'invalid') {
    const problems = problemsOf(check.error);
    return (
      <Alert severity="error" role="alert">
        <AlertTitle>{problems.length > 0 ? 'The compose files have problems' : check.error.message}</AlertTitle>
        {problems.length > 0 && (
          <List dense disablePadding aria-label="Compose problems">
            {problems.map((p, i) => (
              <ListItem key={i} disableGutters sx={{ py: 0 }}>
                <ListItemText
                  primary={
                    <>
                      {problemLocation(p) && (
                        <Box component="code" sx={{ mr: 1, fontWeight: 600 }}>
                          {problemLocation(p)}
                        </Box>
                      )}
                      {p.message}
                    </>
                  }
                  secondary={p.path || undefined}
                />
              </ListItem>
            ))}
          </List>
        )}
        {problems.length > 0 && <Typography variant="body2">Fix them in the file, then open the project again.</Typography>}
        <ErrorDetails details={problems.length > 0 ? undefined : check.error.details} />
      </Alert>
    );
  }
  const { config } = check;
  return (
    <Box aria-label="Resolved project" role="region">
      <Typography variant="body2" gutterBottom>
        Project <strong>{config.name}</strong> with {config.services.length} {config.services.length === 1 ? 'service' : 'services'}:
      </Typography>
      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mb: 1 }}>
        {config.services.map((s) => (
          <Chip key={s} size="small" label={s} />
        ))}
      </Box>
      {config.profiles.length > 0 && (
        <Typography variant="body2" color="text.secondary" gutterBottom>
          Profiles: {config.profiles.join(', ')}
        </Typography>
      )}
      {config.warnings.map((w) => (
        <Alert key={w} severity="warning" sx={{ mb: 0.5 }}>
          {w}
        </Alert>
      ))}
    </Box>
  );
}
