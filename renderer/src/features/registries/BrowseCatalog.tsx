import { Box, Button, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import type { RegistryInfo } from '../../api/contract';
import { useBerth } from '../../stores/context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { repoOf, type RepoRef } from './repo';
import { usePages } from './usePages';

/** One saved registry's repositories, a page at a time ("Load more" follows the registry's cursor). */
export function BrowseCatalog({ registry, onOpen }: { registry: RegistryInfo; onOpen: (repo: RepoRef) => void }) {
  const client = useBerth((s) => s.client);
  const pages = usePages(registry.id, (last) => client.call('registries.catalog', { id: registry.id, ...(last ? { last } : {}) }));
  const { items, next, loaded, loading, error } = pages;

  return (
    <Box component="section" aria-label={`Repositories of ${registry.name}`} sx={{ mb: 2 }}>
      <Typography variant="subtitle1" component="h3">
        {registry.name} <Typography component="span" variant="body2" color="text.secondary">{registry.host}</Typography>
      </Typography>
      <ErrorAlert error={error} sx={{ mt: 1 }} />
      {loaded && items.length === 0 && <Typography variant="body2" color="text.secondary">No repositories yet. Push an image to {registry.host} to see it here.</Typography>}
      <List dense>
        {items.map((repository) => (
          <ListItemButton key={repository} onClick={() => onOpen(repoOf(registry, repository))}>
            <ListItemText primary={repository} />
          </ListItemButton>
        ))}
      </List>
      {next && (
        <Button size="small" disabled={loading} onClick={() => void pages.more()}>
          Load more
        </Button>
      )}
      {loading && <Typography variant="caption" color="text.secondary">Loading…</Typography>}
    </Box>
  );
}
