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

/**
 * What an import stored (or, for a dry run, would store and replace) and, item by item, what it could not convert
 * (nothing is dropped silently).
 */
export function ImportReport({ result }: { result: TemplateImportResult }) {
  const { imported, problems, dryRun } = result;
  const replaced = new Set(result.replaced ?? []);
  const count = `${imported.length} ${imported.length === 1 ? 'template' : 'templates'}`;
  return (
    <Box role="region" aria-label="Import report" sx={{ mt: 2 }}>
      <Alert severity={imported.length === 0 ? 'error' : problems.length > 0 ? 'warning' : dryRun ? 'info' : 'success'}>
        Read a {formatNames[result.format]}: {dryRun ? `${count} would be imported into your library` : `${count} imported into your library`}
        {replaced.size > 0 ? ` (${replaced.size} replacing ${replaced.size === 1 ? 'a template' : 'templates'} you have)` : ''}
        {problems.length > 0 ? `, ${problems.length} ${problems.length === 1 ? 'thing' : 'things'} not converted (listed below).` : '.'}
        {dryRun ? ' Nothing is written until you import.' : ''}
      </Alert>
      {imported.length > 0 && (
        <List dense aria-label={dryRun ? 'Templates to import' : 'Imported templates'}>
          {imported.map((t) => (
            <ListItem key={t.id} disableGutters>
              <ListItemText
                primary={dryRun ? t.title : <Link href={templateHref(t.id)}>{t.title}</Link>}
                secondary={`${t.id} · ${t.services.join(', ')}${replaced.has(t.id) ? (dryRun ? ' · replaces yours' : ' · replaced yours') : dryRun ? ' · new' : ''}`}
              />
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
