import { useRef, useState, type FormEvent } from 'react';
import { Box, Button, CircularProgress, InputAdornment, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import SettingsIcon from '@mui/icons-material/Settings';
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined';
import type { BerthErrorData, RegistrySearch } from '../../api/contract';
import { IfMay } from '../../components/access';
import { useCall } from '../../components/useCall';
import { useSlashFocus } from '../../components/useSlashFocus';
import { useBerth } from '../../stores/context';
import { BrowseCatalog } from './BrowseCatalog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PushDialog } from '../images/PushDialog';
import { RegistrySettingsDialog } from './RegistrySettingsDialog';
import { RepositoryView } from './RepositoryView';
import { SearchResults } from './SearchResults';
import { sourceName, type RepoRef } from './repo';

/** Find images on Docker Hub and the saved registries, browse their repositories and tags, and pull one. */
export function RegistriesPage() {
  const client = useBerth((s) => s.client);
  const registries = useCall(client, 'registries.list', {});
  const list = registries.last;
  const [term, setTerm] = useState('');
  const [searching, setSearching] = useState(false);
  const [search, setSearch] = useState<RegistrySearch | null>(null);
  const [searchError, setSearchError] = useState<BerthErrorData | null>(null);
  const [open, setOpen] = useState<RepoRef | null>(null);
  const [settings, setSettings] = useState(false);
  const [pushing, setPushing] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);
  useSlashFocus(searchBox);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    if (!term.trim() || searching) return;
    setSearching(true);
    setSearchError(null);
    const result = await client.call('registries.search', { term: term.trim() });
    setSearching(false);
    if (result.ok) setSearch(result.value);
    else setSearchError(result.error);
  };

  const saved = list?.filter((r) => !r.builtIn) ?? [];
  return (
    <Box sx={{ height: '100%', overflow: 'auto', p: 2 }}>
      {open ? (
        <RepositoryView repo={open} sourceLabel={sourceName(list, open.source)} onBack={() => setOpen(null)} />
      ) : (
        <>
          <Box sx={{ display: 'flex', alignItems: 'center', mb: 2 }}>
            <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
              Registries
            </Typography>
            <IfMay method="images.push">
              <Button startIcon={<CloudUploadOutlinedIcon />} onClick={() => setPushing(true)}>
                Push an image
              </Button>
            </IfMay>
            <IfMay method="registries.add">
              <Button startIcon={<SettingsIcon />} onClick={() => setSettings(true)}>
                Manage registries
              </Button>
            </IfMay>
          </Box>
          <Box component="form" role="search" onSubmit={(e) => void run(e)} sx={{ display: 'flex', gap: 1, mb: 2 }}>
            <TextField
              size="small"
              inputRef={searchBox}
              placeholder="Search Docker Hub and your registries, e.g. nginx"
              value={term}
              onChange={(e) => setTerm(e.target.value)}
              sx={{ flex: 1, maxWidth: 560 }}
              slotProps={{
                htmlInput: { 'aria-label': 'Search images', spellCheck: false, autoCapitalize: 'off' },
                input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
              }}
            />
            <Button type="submit" variant="contained" disabled={!term.trim() || searching} startIcon={searching ? <CircularProgress size={16} color="inherit" /> : undefined}>
              Search
            </Button>
          </Box>
          <ErrorAlert error={searchError ?? registries.error} sx={{ mt: 1, mb: 2 }} />
          {search && <SearchResults search={search} registries={list} onOpen={setOpen} />}
          <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
            Browse
          </Typography>
          {list && saved.length === 0 && (
            <Typography>
              No registries of your own yet. Choose “Manage registries” to add one (or import the logins of the docker CLI); its repositories then show here.
            </Typography>
          )}
          {saved.map((r) => (
            <BrowseCatalog key={r.id} registry={r} onOpen={setOpen} />
          ))}
        </>
      )}
      {pushing && <PushDialog onClose={() => setPushing(false)} />}
      {settings && list && (
        <RegistrySettingsDialog registries={list} onChanged={registries.reload} onClose={() => setSettings(false)} />
      )}
    </Box>
  );
}
