import { Button, Chip, Radio, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { formatBytes, formatTime, type HubTag, type RegistryPlatform } from '../../api/contract';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import type { RepoRef } from './repo';

export const platformName = (p: RegistryPlatform | undefined) => (p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown');
const shortDigest = (d: string) => d.replace(/^sha256:/, '').slice(0, 12);

/** A tag to list; `hub` when Docker Hub's own API described it already (no manifest calls needed). */
export interface TagItem {
  name: string;
  hub?: HubTag;
}

const Platforms = ({ platforms }: { platforms: (RegistryPlatform | undefined)[] }) => (
  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
    {platforms.map((p) => (
      <Chip key={platformName(p)} size="small" label={platformName(p)} />
    ))}
  </Stack>
);

const Digest = ({ digest }: { digest: string | undefined }) =>
  digest ? (
    <Tooltip title={digest}>
      <span style={{ fontFamily: 'monospace' }}>{shortDigest(digest)}</span>
    </Tooltip>
  ) : (
    '—'
  );

/** A Docker Hub tag, as the Hub's API described it. */
function HubTagRow({ tag, selected, onSelect }: { tag: HubTag; selected: boolean; onSelect: (tag: string) => void }) {
  const choose = () => onSelect(tag.name);
  return (
    <TableRow hover selected={selected} aria-label={tag.name} aria-selected={selected} onClick={choose} sx={{ cursor: 'pointer' }}>
      <TableCell padding="checkbox">
        <Radio checked={selected} onChange={choose} slotProps={{ input: { 'aria-label': `Select ${tag.name}` } }} />
      </TableCell>
      <TableCell sx={{ fontFamily: 'monospace' }}>{tag.name}</TableCell>
      <TableCell>{tag.size !== undefined ? formatBytes(tag.size) : '—'}</TableCell>
      <TableCell>{tag.platforms.length ? <Platforms platforms={tag.platforms} /> : '—'}</TableCell>
      <TableCell>{tag.updated ? formatTime(tag.updated) : '—'}</TableCell>
      <TableCell>
        <Digest digest={tag.digest} />
      </TableCell>
    </TableRow>
  );
}

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
              <Platforms platforms={m.manifests.filter((p) => p.platform?.os !== 'unknown').map((p) => p.platform)} />
            ) : (
              platformName(config.value && config.value.os ? { os: config.value.os, architecture: config.value.architecture ?? '?', variant: config.value.variant } : undefined)
            )}
          </TableCell>
          <TableCell>{config.value?.created ? formatTime(config.value.created) : '—'}</TableCell>
          <TableCell>
            <Digest digest={m.digest} />
          </TableCell>
        </>
      )}
    </TableRow>
  );
}

/**
 * The repository's tags, a page at a time: a tag Docker Hub's API described shows that; any other row fetches its
 * own manifest as it appears.
 */
export function TagTable({ repo, tags, next, selected, onSelect, onMore }: { repo: RepoRef; tags: TagItem[]; next?: string; selected?: string; onSelect: (tag: string) => void; onMore: () => void }) {
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
          {tags.map((t) =>
            t.hub ? (
              <HubTagRow key={t.name} tag={t.hub} selected={t.name === selected} onSelect={onSelect} />
            ) : (
              <TagRow key={t.name} repo={repo} tag={t.name} selected={t.name === selected} onSelect={onSelect} />
            ),
          )}
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
