import { useState } from 'react';
import { Box, MenuItem, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { formatBytes, formatTime, type RegistryImageConfig, type RegistryImageManifest } from '../../api/contract';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { platformName } from './TagTable';
import type { RepoRef } from './repo';
import { SignatureBadge } from '../security/trust/SignatureBadge';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box component="section" aria-label={title} sx={{ mt: 2 }}>
    <Typography variant="subtitle2" component="h4" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

const Lines = ({ items, empty }: { items: string[]; empty: string }) =>
  items.length ? (
    <Box component="ul" sx={{ m: 0, pl: 2, fontFamily: 'monospace', fontSize: 13, wordBreak: 'break-all' }}>
      {items.map((l, i) => (
        <li key={`${i}-${l}`}>{l}</li>
      ))}
    </Box>
  ) : (
    <Typography variant="body2" color="text.secondary">{empty}</Typography>
  );

/** What is inside one single-platform image: layers from its manifest, the rest from its config. */
function ImageContents({ repo, manifest }: { repo: RepoRef; manifest: RegistryImageManifest }) {
  const client = useBerth((s) => s.client);
  const config = useCall(client, 'registries.imageConfig', { id: repo.source, repository: repo.repository, digest: manifest.configDigest });
  const c: RegistryImageConfig | undefined = config.value;
  return (
    <>
      <ErrorAlert error={config.error} sx={{ mt: 1 }} />
      {c && (
        <Table size="small" aria-label="Image summary">
          <TableBody>
            <TableRow><TableCell>Created</TableCell><TableCell>{c.created ? formatTime(c.created) : '—'}</TableCell></TableRow>
            <TableRow><TableCell>Platform</TableCell><TableCell>{c.os ? platformName({ os: c.os, architecture: c.architecture ?? '?', variant: c.variant }) : '—'}</TableCell></TableRow>
            <TableRow><TableCell>Entrypoint</TableCell><TableCell sx={{ fontFamily: 'monospace' }}>{c.entrypoint.join(' ') || '—'}</TableCell></TableRow>
            <TableRow><TableCell>Command</TableCell><TableCell sx={{ fontFamily: 'monospace' }}>{c.cmd.join(' ') || '—'}</TableCell></TableRow>
            <TableRow><TableCell>Working directory</TableCell><TableCell>{c.workingDir || '—'}</TableCell></TableRow>
            <TableRow><TableCell>User</TableCell><TableCell>{c.user || '—'}</TableCell></TableRow>
            <TableRow><TableCell>Size</TableCell><TableCell>{formatBytes(manifest.size)} compressed</TableCell></TableRow>
          </TableBody>
        </Table>
      )}
      <Section title={`Layers (${manifest.layers.length})`}>
        <Lines items={manifest.layers.map((l) => `${formatBytes(l.size)}  ${l.digest}`)} empty="No layers." />
      </Section>
      {c && (
        <>
          <Section title="Exposed ports"><Lines items={c.exposedPorts} empty="None." /></Section>
          <Section title="Environment"><Lines items={c.env} empty="None." /></Section>
          <Section title="Volumes"><Lines items={c.volumes} empty="None." /></Section>
          <Section title="Labels"><Lines items={Object.entries(c.labels).map(([k, v]) => `${k}=${v}`)} empty="None." /></Section>
          <Section title="History"><Lines items={c.history.map((h) => `${h.emptyLayer ? '(no layer) ' : ''}${h.createdBy ?? '?'}`)} empty="No history recorded." /></Section>
        </>
      )}
    </>
  );
}

/** The selected tag's details; for a multi-platform index, a platform picker first. */
export function ImageDetails({ repo, tag }: { repo: RepoRef; tag: string }) {
  const client = useBerth((s) => s.client);
  const top = useCall(client, 'registries.manifest', { id: repo.source, repository: repo.repository, reference: tag });
  const [picked, setPicked] = useState<string>();
  const index = top.value?.kind === 'index' ? top.value : undefined;
  const platforms = index?.manifests.filter((m) => m.platform?.os !== 'unknown') ?? [];
  const platformDigest = index ? (platforms.find((p) => p.digest === picked) ?? platforms[0])?.digest : undefined;
  const child = useCall(client, 'registries.manifest', { id: repo.source, repository: repo.repository, reference: platformDigest ?? '-' }, platformDigest !== undefined);
  const image = top.value?.kind === 'image' ? top.value : child.value?.kind === 'image' ? child.value : undefined;
  return (
    <Box aria-label={`Details of ${repo.name}:${tag}`} role="region" sx={{ mt: 2 }}>
      <Typography variant="h6" component="h3">
        {repo.name}:{tag}
      </Typography>
      {top.value && <SignatureBadge registry={repo.source} repository={repo.repository} digest={top.value.digest} />}
      <ErrorAlert error={top.error ?? child.error} sx={{ mt: 1 }} />
      {index && (
        <TextField select size="small" label="Platform" value={platformDigest ?? ''} onChange={(e) => setPicked(e.target.value)} sx={{ mt: 1, minWidth: 240 }}>
          {platforms.map((p) => (
            <MenuItem key={p.digest} value={p.digest}>
              {platformName(p.platform)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {(top.loading || child.loading) && <Typography variant="body2" color="text.secondary">Loading…</Typography>}
      {image && <ImageContents key={image.digest} repo={repo} manifest={image} />}
    </Box>
  );
}
