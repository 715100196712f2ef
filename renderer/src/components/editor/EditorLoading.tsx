import { Box, CircularProgress } from '@mui/material';

export function EditorLoading() {
  return (
    <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 2, color: 'text.secondary' }}>
      <CircularProgress size={16} /> Loading the editor…
    </Box>
  );
}
