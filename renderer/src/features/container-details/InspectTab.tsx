import { useMemo, useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useBerth } from '../../stores/context';
import { plural } from '../../api/contract';
import { Highlighted } from './Highlighted';
import { filterRows, flattenJson } from './inspectRows';
import { SearchField } from '../../components/SearchField';

/** The engine's inspect answer as searchable `path = value` rows; search filters and highlights both. */
export function InspectTab({ raw }: { raw: unknown }) {
  const notify = useBerth((s) => s.notify);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => flattenJson(raw), [raw]);
  const visible = useMemo(() => filterRows(rows, query), [rows, query]);

  const copy = () => {
    void navigator.clipboard
      .writeText(JSON.stringify(raw, null, 2))
      .then(() => notify('success', 'Inspect JSON copied to the clipboard.'))
      .catch(() => notify('error', 'Could not copy: the browser denied clipboard access. Select the text instead.'));
  };

  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <SearchField label="Search inspect" placeholder="Search keys and values" value={query} onChange={setQuery} width={320} />
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {query ? `${visible.length} of ${plural(rows.length, 'field')}` : plural(rows.length, 'field')}
        </Typography>
        <Button size="small" startIcon={<ContentCopyIcon />} onClick={copy}>
          Copy JSON
        </Button>
      </Box>
      <Box role="list" aria-label="Inspect fields" sx={{ fontFamily: 'monospace', fontSize: 13 }}>
        {visible.map((r) => (
          <Box role="listitem" key={r.path} sx={{ display: 'grid', gridTemplateColumns: 'minmax(200px, 40%) 1fr', gap: 2, py: 0.25, borderBottom: 1, borderColor: 'divider' }}>
            <Box sx={{ color: 'primary.main', wordBreak: 'break-all' }}>
              <Highlighted text={r.path} query={query} />
            </Box>
            <Box sx={{ wordBreak: 'break-all' }}>
              <Highlighted text={r.value} query={query} />
            </Box>
          </Box>
        ))}
        {visible.length === 0 && <Typography color="text.secondary">No field matches “{query}”.</Typography>}
      </Box>
    </Box>
  );
}
