import { Button, Chip, Radio, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { formatBytes, formatTime, type RegistryPlatform } from '../../api/contract';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import type { RepoRef } from './repo';

export const platformName = (p: RegistryPlatform | undefined) => (p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown');
const shortDigest = (d: string) => d.replace(/^sha256:/, '').slice(0, 12);

function TagRow({ repo, tag, selected, onSelect }: { repo: RepoRef; tag: string; selected: boolean; onSelect: (tag: string) => void }) {
  const client = useBerth((s) => s.client);
  const manifest = useCall(client, 'registries.manifest', { id: repo.source, repository: repo.repository, reference: tag });
  const m = manifest.value;
  const config = useCall(client, 'registries.imageConfig', { id: repo.source, repository: repo.repository, digest: m?.kind === 'image' ? m.configDigest : '-' }, m?.kind === 'image');
  const choose = () => onSelect(tag);
  return (
    <TableRow hover selected={selected} aria-label={tag} aria-selected={selected} onClick={choose} sx={{ cursor: 'pointer' }}>
      <TableCell padding="checkbox">
        <Radio checked={selected} onChange={choose} slotProps={{ input: { 'aria-label': `Select ${tag}` } }} />
      </TableCell>
      <TableCell sx={{ fontFamily: 'monospace' }}>{tag}</TableCell>
      {manifest.error ? (
        <TableCell colSpan={4}>
          <Typography variant="body2" color="error">
            {manifest.error.message}
          </Typography>
        </TableCell>
      ) : !m ? (
        <TableCell colSpan={4}>
          <Typography variant="body2" color="text.secondary">Loading…</Typography>
        </TableCell>
      ) : (
        <>
          <TableCell>{m.kind === 'image' ? formatBytes(m.size) : '—'}</TableCell>
          <TableCell>
            {m.kind === 'index' ? (
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {m.manifests.filter((p) => p.platform?.os !== 'unknown').map((p) => (
                  <Chip key={p.digest} size="small" label={platformName(p.platform)} />
                ))}
              </Stack>
            ) : (
              platformName(config.value && config.value.os ? { os: config.value.os, architecture: config.value.architecture ?? '?', variant: config.value.variant } : undefined)
            )}
          </TableCell>
          <TableCell>{config.value?.created ? formatTime(config.value.created) : '—'}</TableCell>
          <TableCell>
            <Tooltip title={m.digest}>
              <span style={{ fontFamily: 'monospace' }}>{shortDigest(m.digest)}</span>
            </Tooltip>
          </TableCell>
        </>
      )}
    </TableRow>
  );
}

/** The repository's tags; each row fetches its own manifest as it appears, a page of tags at a time. */
export function TagTable({ repo, tags, next, selected, onSelect, onMore }: { repo: RepoRef; tags: string[]; next?: string; selected?: string; onSelect: (tag: string) => void; onMore: () => void }) {
  return (
    <>
      <Table size="small" aria-label="Tags">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>Tag</TableCell>
            <TableCell>Size</TableCell>
            <TableCell>Platforms</TableCell>
            <TableCell>Created</TableCell>
            <TableCell>Digest</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tags.map((t) => (
            <TagRow key={t} repo={repo} tag={t} selected={t === selected} onSelect={onSelect} />
          ))}
        </TableBody>
      </Table>
      {next && (
        <Button size="small" onClick={onMore}>
          Load more tags
        </Button>
      )}
    </>
  );
}
