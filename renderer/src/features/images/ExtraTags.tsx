import { Box, Chip, Tooltip } from '@mui/material';

/** The "+N" chip of an image with several names; hover or focus lists the other names. */
export function ExtraTags({ names }: { names: readonly string[] }) {
  const list = (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {names.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </Box>
  );
  return (
    <Tooltip title={list} describeChild>
      <Chip
        size="small"
        variant="outlined"
        label={`+${names.length}`}
        aria-label={`Also tagged ${names.join(', ')}`}
      />
    </Tooltip>
  );
}
