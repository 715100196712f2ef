import { useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Chip, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import CloudSyncIcon from '@mui/icons-material/CloudSync';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import { IfMay, useMay } from '../../components/access';
import { useCall } from '../../components/useCall';
import { useSlashFocus } from '../../components/useSlashFocus';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';
import { CatalogsDialog } from './CatalogsDialog';
import { ExportCatalogDialog } from './ExportCatalogDialog';
import { categoriesOf, filterTemplates, noFilter, originChoices, originLabel, type CatalogFilter, type OriginFilter } from './filter';
import { ImportDialog } from './ImportDialog';
import { SaveProjectDialog } from './SaveProjectDialog';
import { TemplateCard } from './TemplateCard';
import { plural } from '../../api/contract';
import { SearchField } from '../../components/SearchField';

type Dialog = 'import' | 'catalogs' | 'save' | 'export' | null;

/** The catalog: built-in templates, the user's library and remote catalogs, searchable, by category and source. */
export function TemplatesPage() {
  const client = useBerth((s) => s.client);
  const list = useCall(client, 'templates.list', {});
  const catalogs = useCall(client, 'templates.catalogs.list', {});
  const [filter, setFilter] = useState<CatalogFilter>(noFilter);
  const [dialog, setDialog] = useState<Dialog>(null);
  const search = useRef<HTMLInputElement>(null);
  const mayImport = useMay('templates.import');
  useSlashFocus(search);

  const all = useMemo(() => list.last?.templates ?? [], [list.last]);
  const catalogList = useMemo(() => catalogs.last ?? [], [catalogs.last]);
  const shown = useMemo(() => filterTemplates(all, filter), [all, filter]);
  const categories = useMemo(() => categoriesOf(all, filter.origin), [all, filter.origin]);
  const reload = () => {
    list.reload();
    catalogs.reload();
  };
  const toggleCategory = (c: string) =>
    setFilter((f) => ({ ...f, categories: f.categories.includes(c) ? f.categories.filter((x) => x !== c) : [...f.categories, c] }));

  return (
    <Box sx={{ height: '100%', overflow: 'auto', p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          Templates
        </Typography>
        <IfMay method="templates.import">
          <Button variant="contained" startIcon={<FileUploadIcon />} onClick={() => setDialog('import')}>
            Import…
          </Button>
        </IfMay>
        <IfMay method="templates.catalogs.add">
          <Button startIcon={<CloudSyncIcon />} onClick={() => setDialog('catalogs')}>
            Remote catalogs…
          </Button>
        </IfMay>
        <IfMay method="templates.fromProject">
          <Button startIcon={<SaveAltIcon />} onClick={() => setDialog('save')}>
            Save a project…
          </Button>
        </IfMay>
        <Button startIcon={<FileDownloadIcon />} onClick={() => setDialog('export')}>
          Export catalog…
        </Button>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <SearchField label="Search templates" placeholder="Search title, description, category" value={filter.query} onChange={(v) => setFilter({ ...filter, query: v })} width={340} inputRef={search} shortcut="/" />
        <TextField select size="small" label="Source" value={filter.origin} onChange={(e) => setFilter({ ...filter, origin: e.target.value as OriginFilter, categories: [] })} sx={{ width: 220 }}>
          {originChoices(catalogList).map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" role="status">
          {shown.length === all.length ? plural(all.length, 'template') : `${shown.length} of ${plural(all.length, 'template')}`}
        </Typography>
      </Box>
      {categories.length > 0 && (
        <Box role="group" aria-label="Categories" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
          {categories.map((c) => {
            const on = filter.categories.includes(c);
            return <Chip key={c} label={c} color={on ? 'primary' : 'default'} variant={on ? 'filled' : 'outlined'} aria-pressed={on} onClick={() => toggleCategory(c)} />;
          })}
        </Box>
      )}
      <ErrorAlert error={list.error ?? catalogs.error} sx={{ mt: 1, mb: 2 }} />
      {list.last?.unreadable.map((u) => (
        <Alert key={u.id} severity="warning" sx={{ mb: 1 }}>
          {u.id} could not be read: {u.message}
        </Alert>
      ))}
      {!list.last && list.loading ? (
        <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <CircularProgress size={18} /> Loading templates…
        </Box>
      ) : shown.length === 0 && list.last ? (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {all.length === 0
            ? mayImport
              ? 'No templates yet. Import a Portainer list, a compose file or a docker run line, or add a remote catalog.'
              : 'No templates yet. An operator or an admin can import some or add a remote catalog.'
            : 'No template matches. Clear the search or choose other categories.'}
        </Typography>
      ) : (
        <Box component="ul" aria-label="Templates" sx={{ p: 0, m: 0, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))' }}>
          {shown.map((t) => (
            <TemplateCard key={t.id} template={t} origin={originLabel(t, catalogList)} />
          ))}
        </Box>
      )}
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} onImported={reload} />}
      {dialog === 'catalogs' && <CatalogsDialog catalogs={catalogList} onChanged={reload} onClose={() => setDialog(null)} />}
      {dialog === 'save' && <SaveProjectDialog onClose={() => setDialog(null)} onSaved={reload} />}
      {dialog === 'export' && <ExportCatalogDialog onClose={() => setDialog(null)} />}
    </Box>
  );
}
