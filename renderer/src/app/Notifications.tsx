import { Alert, Snackbar } from '@mui/material';
import { useBerth } from '../stores/context';

/** Shows notifications one at a time, oldest first. */
export function Notifications() {
  const first = useBerth((s) => s.notifications[0]);
  const dismiss = useBerth((s) => s.dismissNotification);
  if (!first) return null;
  return (
    <Snackbar
      key={first.id}
      open
      autoHideDuration={first.severity === 'error' ? null : 5000}
      onClose={(_, reason) => reason !== 'clickaway' && dismiss(first.id)}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
    >
      <Alert severity={first.severity} onClose={() => dismiss(first.id)} variant="filled">
        {first.message}
      </Alert>
    </Snackbar>
  );
}
