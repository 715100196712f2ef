import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { TemplateDetail } from '../../api/contract';
import { Markdown } from './Markdown';

/** What a template is: its documentation, services and parameters. */
export function OverviewTab({ detail }: { detail: TemplateDetail }) {
  const { metadata: m, parameters, summary } = detail;
  return (
    <Box sx={{ p: 2, display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(280px, 1fr)' }, gap: 3, alignItems: 'start' }}>
      <Box component="section" aria-label="Documentation">
        {m.documentation ? <Markdown text={m.documentation} /> : <Typography color="text.secondary">{m.description ?? 'This template has no documentation.'}</Typography>}
      </Box>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box component="section" aria-label="Services">
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            Services
          </Typography>
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}>
            {summary.services.map((s) => (
              <Chip key={s} label={s} size="small" />
            ))}
          </Box>
        </Box>
        <Box component="section" aria-label="Parameters">
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            Parameters
          </Typography>
          {parameters.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              None: the template deploys as it is.
            </Typography>
          ) : (
            <Table size="small" aria-label="Parameters">
              <TableHead>
                <TableRow>
                  <TableCell>Name</TableCell>
                  <TableCell>Default</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {parameters.map((p) => (
                  <TableRow key={p.name}>
                    <TableCell>
                      <Typography variant="body2">
                        {p.label}
                        {p.required ? ' *' : ''}
                      </Typography>
                      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                        ${'{'}
                        {p.name}
                        {'}'}
                        {p.secret ? ' · secret' : ''}
                        {p.options ? ` · one of ${p.options.map((o) => o.value).join(', ')}` : ''}
                      </Typography>
                      {p.description && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          {p.description}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{p.secret ? '' : (p.default ?? '')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      </Box>
    </Box>
  );
}
