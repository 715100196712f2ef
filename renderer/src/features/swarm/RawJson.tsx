import { Box } from '@mui/material';

/** The engine's own JSON of an object, as `docker inspect` shows it. */
export function RawJson({ value, label }: { value: unknown; label: string }) {
  return (
    <Box
      component="pre"
      aria-label={label}
      sx={{
        m: 0,
        p: 1,
        fontSize: 12,
        fontFamily: 'monospace',
        bgcolor: 'action.hover',
        borderRadius: 1,
        overflow: 'auto',
        maxHeight: 400,
      }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}
