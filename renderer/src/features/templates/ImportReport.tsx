import { Alert, Box, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { TemplateImportResult } from '../../api/contract';
import { templateHref } from './route';

const formatNames: Record<TemplateImportResult['format'], string> = {
  berth: 'Berth template',
  compose: 'compose file',
  portainer: 'Portainer template list',
  pmx: 'Panamax .pmx file',
  'docker-run': 'docker run line',
};

/** What an import stored and, item by item, what it could not convert (nothing is dropped silently). */
export function ImportReport({ result }: { result: TemplateImportResult }) {
  const { imported, problems } = result;
  return (
    <Box role="region" aria-label="Import report" sx={{ mt: 2 }}>
      <Alert severity={imported.length === 0 ? 'error' : problems.length > 0 ? 'warning' : 'success'}>
        Read a {formatNames[result.format]}: {imported.length} {imported.length === 1 ? 'template' : 'templates'} imported into your library
        {problems.length > 0 ? `, ${problems.length} ${problems.length === 1 ? 'thing' : 'things'} not converted (listed below).` : '.'}
      </Alert>
      {imported.length > 0 && (
        <List dense aria-label="Imported templates">
          {imported.map((t) => (
            <ListItem key={t.id} disableGutters>
              <ListItemText primary={<Link href={templateHref(t.id)}>{t.title}</Link>} secondary={`${t.id} · ${t.services.join(', ')}`} />
            </ListItem>
          ))}
        </List>
      )}
      {problems.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            Not converted
          </Typography>
          <List dense aria-label="Import problems">
            {problems.map((p, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText primary={p.item} secondary={p.message} />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Box>
  );
}
