import { useId, useState } from 'react';
import { Box, Link, Typography } from '@mui/material';

interface Props {
  /** Engine message, status code, validation issues: whatever the backend attached. */
  details: unknown;
}

const format = (details: unknown): string =>
  typeof details === 'string' ? details : JSON.stringify(details, null, 2);

/** Technical details of an error behind a "Details" disclosure; renders nothing when there are none. */
export function ErrorDetails({ details }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (details === undefined || details === null || details === '') return null;
  return (
    <Box>
      <Link
        component="button"
        type="button"
        variant="body2"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide details' : 'Details'}
      </Link>
      {open && (
        <Typography
          id={id}
          component="pre"
          variant="caption"
          sx={{ m: 0, mt: 0.5, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'monospace' }}
        >
          {format(details)}
        </Typography>
      )}
    </Box>
  );
}
