import { useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DownloadIcon from '@mui/icons-material/Download';
import DeleteIcon from '@mui/icons-material/Delete';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import type { BerthErrorData } from '../../api/contract';
import { DangerDialog } from '../../components/DangerDialog';
import { IfMay } from '../../components/access';
import { useBerth } from '../../stores/context';
import { PullDialog } from '../images/PullDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImageDetails } from './ImageDetails';
import { TagTable, type TagItem } from './TagTable';
import { usePages } from './usePages';
import { RunImage } from './run/RunImage';
import type { RepoRef } from './repo';

const PAGE = 25;

/** One repository: its tags (a page at a time), the selected tag's contents, and pull / run / delete of that tag. */
export function RepositoryView({ repo, sourceLabel, onBack }: { repo: RepoRef; sourceLabel: string; onBack: () => void }) {
  const client = useBerth((s) => s.client);
  // Docker Hub's own API lists tags with their platforms, sizes and dates in one answer; other registries are
  // asked through the registry API, a manifest per row.
  const hub = repo.source === 'hub';
  const pages = usePages<TagItem>(`${repo.source}/${repo.repository}`, async (last) => {
    const page = { n: PAGE, ...(last ? { last } : {}) };
    if (hub) {
      const r = await client.call('registries.hubTags', { repository: repo.repository, ...page });
      return r.ok ? { ok: true, value: { ...r.value, items: r.value.items.map((t) => ({ name: t.name, hub: t })) } } : r;
    }
    const r = await client.call('registries.tags', { id: repo.source, repository: repo.repository, ...page });
    return r.ok ? { ok: true, value: { ...r.value, items: r.value.items.map((name) => ({ name })) } } : r;
  });
  const tags = pages.items.map((t) => t.name);
  const [picked, setPicked] = useState<string>();
  // The usual choice until the user picks: "latest" when there is one, else the first tag.
  const selected = picked ?? (tags.includes('latest') ? 'latest' : tags[0]);
  const [pulling, setPulling] = useState(false);
  const [running, setRunning] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<BerthErrorData | null>(null);

  const deleteTag = async (tag: string) => {
    setDeleteBusy(true);
    setDeleteError(null);
    const result = await client.call('registries.deleteTag', { id: repo.source, repository: repo.repository, reference: tag });
    setDeleteBusy(false);
    if (!result.ok) return setDeleteError(result.error);
    setDeleting(false);
    setPicked(undefined);
    pages.reload();
  };

  return (
    <Box role="region" aria-label={`Repository ${repo.name}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack}>
          Back
        </Button>
        <Typography variant="h5" component="h2" sx={{ flex: 1, wordBreak: 'break-all' }}>
          {repo.name} <Typography component="span" color="text.secondary">on {sourceLabel}</Typography>
        </Typography>
        <IfMay method="images.pull">
          <Button variant="contained" startIcon={<DownloadIcon />} disabled={!selected} onClick={() => setPulling(true)}>
            {selected ? `Pull ${selected}` : 'Pull'}
          </Button>
        </IfMay>
        <IfMay method="containers.create">
          <Button variant="outlined" startIcon={<PlayArrowIcon />} disabled={!selected} onClick={() => setRunning(true)}>
            {selected ? `Run ${selected}` : 'Run'}
          </Button>
        </IfMay>
        <IfMay method="registries.deleteTag">
          <Button color="error" startIcon={<DeleteIcon />} disabled={!selected} onClick={() => setDeleting(true)}>
            Delete tag
          </Button>
        </IfMay>
      </Stack>
      <ErrorAlert error={pages.error} sx={{ mt: 1 }} />
      {pages.loaded && tags.length === 0 && <Typography sx={{ my: 2 }}>This repository has no tags. Push an image to it to see one here.</Typography>}
      {tags.length > 0 && <TagTable repo={repo} tags={pages.items} next={pages.next} selected={selected} onSelect={setPicked} onMore={() => void pages.more()} />}
      {selected && <ImageDetails key={selected} repo={repo} tag={selected} />}
      {pulling && selected && <PullDialog initialRef={`${repo.name}:${selected}`} onClose={() => setPulling(false)} />}
      {running && selected && <RunImage imageRef={`${repo.name}:${selected}`} onClose={() => setRunning(false)} />}
      {deleting && selected && (
        <DangerDialog
          id="delete-tag-title"
          title={`Delete ${repo.name}:${selected}?`}
          lost="The registry deletes the manifest this tag points at: every tag of the same digest goes with it, for everyone who pulls from this registry. Images already pulled stay."
          confirmLabel="Delete tag"
          busy={deleteBusy}
          error={deleteError}
          onConfirm={() => void deleteTag(selected)}
          onCancel={() => {
            setDeleting(false);
            setDeleteError(null);
          }}
        />
      )}
    </Box>
  );
}
