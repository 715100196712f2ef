import { Box, List, ListItem, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import { withoutDuplicates } from './markers';
import type { EditorMarker } from './types';

interface Props {
  problems: EditorMarker[];
  /** Names the list for screen readers and tests, e.g. "Problems in compose.yaml". */
  label: string;
  /** Rows shown before the list scrolls. */
  maxRows?: number;
  /** A problem was chosen (click or Enter): the editor shows its line. */
  onSelect?: (problem: EditorMarker) => void;
}

const icons = {
  error: <ErrorOutlineIcon color="error" fontSize="small" />,
  warning: <WarningAmberIcon color="warning" fontSize="small" />,
  info: <InfoOutlinedIcon color="info" fontSize="small" />,
};

/** The problems of a document as text (line, column, message), below the editor's squiggles. */
export function ProblemList({ problems: reported, label, maxRows = 5, onSelect }: Props) {
  const problems = withoutDuplicates(reported);
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  return (
    <Box sx={{ borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="caption" color="text.secondary" sx={{ px: 1.5, pt: 0.5, display: 'block' }}>
        {errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'}
      </Typography>
      <List dense aria-label={label} sx={{ maxHeight: maxRows * 32, overflowY: 'auto', py: 0 }}>
        {problems.map((p, i) => {
          const row = (
            <>
              <ListItemIcon sx={{ minWidth: 28 }}>{icons[p.severity]}</ListItemIcon>
              <ListItemText
                primary={p.message}
                secondary={`Line ${p.line}, column ${p.col}${p.source === 'schema' ? ' · compose-spec schema' : ''}`}
                slotProps={{ primary: { variant: 'body2' } }}
              />
            </>
          );
          return (
            <ListItem key={`${p.line}:${p.col}:${i}`} disablePadding={onSelect !== undefined} sx={{ py: 0 }}>
              {onSelect ? (
                <ListItemButton dense onClick={() => onSelect(p)} sx={{ py: 0 }}>
                  {row}
                </ListItemButton>
              ) : (
                row
              )}
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
