import { useState } from 'react';
import { Autocomplete, Box, Button, Divider, Menu, MenuItem, TextField, Typography } from '@mui/material';
import LinkIcon from '@mui/icons-material/Link';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useBuilder } from './builderStore';
import { connectNodes, removeNodes } from './connect';
import { DraftField, lines, normalizeLines } from './DraftField';
import { setEnvironment, setField, setImage, setList, type ScalarField } from './model/edits';
import type { ServiceModel } from './model/types';
import { splitImage, useImageTags } from './useImageTags';
import { ServiceWarnings } from './ServiceWarnings';

interface Props {
  service: ServiceModel;
  onStatus: (message: string, error?: boolean) => void;
}

const RESTART = ['', 'no', 'always', 'on-failure', 'unless-stopped'];

const envText = (env: [string, string][]) => env.map(([k, v]) => `${k}=${v}`).join('\n');
const parseEnv = (text: string): [string, string][] =>
  lines(text).map((l) => {
    const at = l.indexOf('=');
    return at < 0 ? [l, ''] : [l.slice(0, at), l.slice(at + 1)];
  });

/** The selected service's editor: every field writes to the document as the user types. */
export function ServiceEditor({ service, onStatus }: Props) {
  const edit = useBuilder((s) => s.edit);
  const model = useBuilder((s) => s.model);
  const select = useBuilder((s) => s.select);
  const name = service.name;
  const field = (f: ScalarField) => (text: string) => edit((doc) => setField(doc, name, f, text), `${name}.${f}`);
  const { tags, error: tagsError } = useImageTags(service.image);
  const current = service.image ? splitImage(service.image) : undefined;
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const targets = [
    ...model.services.filter((s) => s.name !== name).map((s) => ({ kind: 'service' as const, name: s.name })),
    ...model.volumes.map((v) => ({ kind: 'volume' as const, name: v })),
    ...model.networks.map((n) => ({ kind: 'network' as const, name: n })),
  ];
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} role="form" aria-label={`Service ${name}`}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }} noWrap>
          {name}
        </Typography>
        <Button size="small" startIcon={<LinkIcon />} onClick={(e) => setMenu(e.currentTarget)} disabled={targets.length === 0} aria-haspopup="menu">
          Connect to…
        </Button>
      </Box>
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        {targets.map((t) => (
          <MenuItem
            key={`${t.kind}:${t.name}`}
            onClick={() => {
              setMenu(null);
              const r = connectNodes(edit, { kind: 'service', name }, t);
              onStatus(r.message, !r.ok);
              if (r.ok && r.selection) select(r.selection);
            }}
          >
            {t.kind === 'service' ? `${t.name} (depends on)` : `${t.kind} ${t.name}`}
          </MenuItem>
        ))}
      </Menu>
      <ServiceWarnings name={name} />
      <DraftField label="Image" value={service.image ?? ''} onCommit={(t) => edit((doc) => setImage(doc, name, t.trim()), `${name}.image`)} slotProps={{ htmlInput: { spellCheck: false } }} />
      {current && tags.length > 0 && (
        <Autocomplete
          size="small"
          options={tags}
          value={current.tag ?? null}
          onChange={(_, tag) => {
            if (!tag || !service.image) return;
            const at = service.image.lastIndexOf(':');
            const base = current.tag !== undefined && at > service.image.lastIndexOf('/') ? service.image.slice(0, at) : service.image;
            edit((doc) => setImage(doc, name, `${base}:${tag}`));
          }}
          renderInput={(params) => <TextField {...params} label="Tag" />}
        />
      )}
      {tagsError && <Typography variant="caption" color="text.secondary">Tags not available: {tagsError}</Typography>}
      <DraftField label="Ports" multiline minRows={1} helperText="One per line: host:container, e.g. 8080:80" value={service.ports.join('\n')} normalize={normalizeLines} onCommit={(t) => edit((doc) => setList(doc, name, 'ports', lines(t)), `${name}.ports`)} />
      <DraftField label="Environment" multiline minRows={1} helperText="NAME=value per line; ${PARAM} asks for a parameter at deploy time" value={envText(service.environment)} normalize={normalizeLines} onCommit={(t) => edit((doc) => setEnvironment(doc, name, parseEnv(t)), `${name}.environment`)} />
      <DraftField label="Volumes" multiline minRows={1} helperText="volume:/path or ./folder:/path per line" value={service.volumes.join('\n')} normalize={normalizeLines} onCommit={(t) => edit((doc) => setList(doc, name, 'volumes', lines(t)), `${name}.volumes`)} />
      <DraftField label="Command" value={service.command ?? ''} onCommit={field('command')} />
      <Box sx={{ display: 'flex', gap: 1 }}>
        <DraftField label="Replicas" type="number" value={service.replicas?.toString() ?? ''} onCommit={field('replicas')} slotProps={{ htmlInput: { min: 0 } }} />
        <TextField select size="small" fullWidth label="Restart" value={service.restart ?? ''} onChange={(e) => field('restart')(e.target.value)}>
          {RESTART.map((r) => (
            <MenuItem key={r} value={r}>
              {r || '(not set)'}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Divider textAlign="left">Healthcheck</Divider>
      <DraftField label="Health command" helperText="Run in the container's shell; exit 0 means healthy" value={service.healthcheck?.test ?? ''} onCommit={field('healthcheck')} />
      <DraftField label="Interval" placeholder="30s" value={service.healthcheck?.interval ?? ''} onCommit={field('interval')} disabled={!service.healthcheck} />
      <Divider textAlign="left">Resources</Divider>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <DraftField label="CPUs" placeholder="0.5" value={service.cpus ?? ''} onCommit={field('cpus')} />
        <DraftField label="Memory" placeholder="256m" value={service.memory ?? ''} onCommit={field('memory')} />
      </Box>
      <Button color="error" startIcon={<DeleteIcon />} onClick={() => onStatus(removeNodes(edit, [{ kind: 'service', name, problems: [] }]))}>
        Remove service
      </Button>
    </Box>
  );
}
