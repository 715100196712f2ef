import { Alert, Box, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { StackPlanItem, StackPreview } from '../../../api/contract';

const ACTION_COLOR: Record<StackPlanItem['action'], 'success' | 'info' | 'default' | 'error'> = {
  create: 'success',
  update: 'info',
  keep: 'default',
  external: 'default',
  remove: 'error',
};

/** What a deploy will do, object by object, and the fields Swarm ignores (as `docker stack deploy` prints them). */
export function StackPreviewList({ preview }: { preview: StackPreview }) {
  return (
    <Box>
      <Typography variant="subtitle2">What the deploy does</Typography>
      <List dense aria-label="Stack objects">
        {preview.items.map((i) => (
          <ListItem key={`${i.kind}:${i.name}`} disableGutters>
            <Chip size="small" label={i.action} color={ACTION_COLOR[i.action]} sx={{ mr: 1, minWidth: 64 }} />
            <ListItemText primary={`${i.kind} ${i.name}`} secondary={i.detail} />
          </ListItem>
        ))}
      </List>
      {preview.warnings.length > 0 && (
        <Alert severity="warning" aria-label="Warnings">
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </Box>
        </Alert>
      )}
    </Box>
  );
}
