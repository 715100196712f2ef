import { useEffect, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { Box, List, ListItemButton, ListItemIcon, ListItemText, ListSubheader, TextField, Typography } from '@mui/material';
import AddBoxIcon from '@mui/icons-material/AddBoxOutlined';
import LayersIcon from '@mui/icons-material/Layers';
import CloudIcon from '@mui/icons-material/Cloud';
import WidgetsIcon from '@mui/icons-material/Widgets';
import StorageIcon from '@mui/icons-material/Storage';
import HubIcon from '@mui/icons-material/Hub';
import type { RegistrySearch, TemplateSummary } from '../../api/contract';
import { useBerth } from '../../stores/context';
import { PALETTE_MIME, paletteLabel, type PaletteItem } from './paletteItems';

export const SEARCH_DELAY_MS = 400;

interface Props {
  /** Adds the item where the layout puts it (Enter or a click: the keyboard way to drag). */
  onAdd: (item: PaletteItem) => void;
}

function Item({ item, icon, primary, secondary, onAdd }: { item: PaletteItem; icon: ReactNode; primary: string; secondary?: string; onAdd: Props['onAdd'] }) {
  return (
    <ListItemButton
      dense
      draggable
      onDragStart={(e: DragEvent) => {
        e.dataTransfer.setData(PALETTE_MIME, JSON.stringify(item));
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => onAdd(item)}
      aria-label={`Add ${paletteLabel(item)}`}
      title="Drag onto the canvas (or onto a service to replace its image), or press Enter to add"
    >
      <ListItemIcon sx={{ minWidth: 30 }}>{icon}</ListItemIcon>
      <ListItemText primary={primary} secondary={secondary} slotProps={{ primary: { noWrap: true, variant: 'body2' }, secondary: { noWrap: true } }} />
    </ListItemButton>
  );
}

/** Registry search for the palette, debounced; an empty term clears it. */
function useRegistrySearch(term: string): { result?: RegistrySearch; error?: string } {
  const client = useBerth((s) => s.client);
  const [state, setState] = useState<{ term: string; result?: RegistrySearch; error?: string }>({ term: '' });
  useEffect(() => {
    if (term.trim().length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      void client.call('registries.search', { term: term.trim(), limit: 10 }).then((r) => {
        if (current) setState(r.ok ? { term, result: r.value } : { term, error: r.error.message });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, term]);
  return state.term === term && term.trim().length >= 2 ? state : {};
}

function useTemplates(): TemplateSummary[] {
  const client = useBerth((s) => s.client);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  useEffect(() => {
    let current = true;
    void client.call('templates.list', {}).then((r) => current && r.ok && setTemplates(r.value.templates));
    return () => {
      current = false;
    };
  }, [client]);
  return templates;
}

/** Everything that can go on the canvas: new nodes, local images, registry search results, templates' services. */
export function Palette({ onAdd }: Props) {
  const [term, setTerm] = useState('');
  const images = useBerth((s) => s.images.items);
  const search = useRegistrySearch(term);
  const templates = useTemplates();
  const match = (text: string) => text.toLowerCase().includes(term.trim().toLowerCase());
  const local = useMemo(() => Object.values(images).flatMap((i) => i.repoTags).filter((t) => t !== '<none>:<none>').sort(), [images]);
  const shownLocal = local.filter(match);
  const shownTemplates = templates.flatMap((t) => t.services.map((service) => ({ t, service }))).filter(({ t, service }) => match(`${t.title} ${service}`));
  return (
    <Box component="nav" aria-label="Palette" sx={{ width: 250, flexShrink: 0, borderRight: 1, borderColor: 'divider', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <TextField size="small" label="Search images and templates" value={term} onChange={(e) => setTerm(e.target.value)} sx={{ m: 1 }} />
      <List dense sx={{ overflowY: 'auto', flex: 1, py: 0 }} subheader={<li />}>
        <li>
          <ul style={{ padding: 0 }}>
            <ListSubheader>New</ListSubheader>
            <Item item={{ kind: 'blank' }} icon={<AddBoxIcon fontSize="small" />} primary="Blank service" onAdd={onAdd} />
            <Item item={{ kind: 'volume' }} icon={<StorageIcon fontSize="small" />} primary="Volume" onAdd={onAdd} />
            <Item item={{ kind: 'network' }} icon={<HubIcon fontSize="small" />} primary="Network" onAdd={onAdd} />
          </ul>
        </li>
        <li aria-label="Local images">
          <ul style={{ padding: 0 }}>
            <ListSubheader>Local images</ListSubheader>
            {shownLocal.map((tag) => (
              <Item key={tag} item={{ kind: 'image', image: tag }} icon={<LayersIcon fontSize="small" />} primary={tag} onAdd={onAdd} />
            ))}
            {shownLocal.length === 0 && <Typography variant="caption" color="text.secondary" sx={{ px: 2, display: 'block' }}>{local.length ? 'None match' : 'No local images yet'}</Typography>}
          </ul>
        </li>
        {(search.result || search.error) && (
          <li aria-label="Registry results">
            <ul style={{ padding: 0 }}>
              <ListSubheader>Registries</ListSubheader>
              {search.result?.results.map((r) => (
                <Item key={`${r.source}/${r.name}`} item={{ kind: 'image', image: r.name }} icon={<CloudIcon fontSize="small" />} primary={r.name} secondary={r.description} onAdd={onAdd} />
              ))}
              {[...(search.result?.errors.map((e) => `${e.source}: ${e.message}`) ?? []), ...(search.error ? [search.error] : [])].map((m) => (
                <Typography key={m} variant="caption" color="warning.main" sx={{ px: 2, display: 'block' }}>{m}</Typography>
              ))}
            </ul>
          </li>
        )}
        <li aria-label="Template services">
          <ul style={{ padding: 0 }}>
            <ListSubheader>Templates</ListSubheader>
            {shownTemplates.map(({ t, service }) => (
              <Item key={`${t.id}/${service}`} item={{ kind: 'template-service', templateId: t.id, service }} icon={<WidgetsIcon fontSize="small" />} primary={service} secondary={t.title} onAdd={onAdd} />
            ))}
          </ul>
        </li>
      </List>
    </Box>
  );
}
