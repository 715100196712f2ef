import { useCallback } from 'react';
import { Box } from '@mui/material';
import { uploadFile } from '../../api/transfers';
import { FileBrowser } from '../../components/files/FileBrowser';
import { startDownload } from '../../components/files/transfers';
import { useBerth } from '../../stores/context';

const ROOT = { path: '/', label: '/' };
/** Where a link leads, resolved against its folder (relative targets are common: sh -> busybox). */
const followLink = (dir: string, target: string) => (target.startsWith('/') ? target : dir === '/' ? `/${target}` : `${dir}/${target}`);

/** A file browser over the container's filesystem (the archive API: works when stopped too). */
export function FilesTab({ id }: { id: string }) {
  const client = useBerth((s) => s.client);
  const list = useCallback((path: string) => client.call('containers.files.list', { id, path }), [client, id]);
  const download = useCallback(
    async (path: string) => startDownload(client, await client.call('containers.files.download', { id, path })),
    [client, id],
  );
  const preview = useCallback((path: string) => client.call('containers.files.preview', { id, path }), [client, id]);
  const upload = useCallback(
    async (dir: string, file: File, onProgress: (fraction: number | undefined) => void) => {
      const ticket = await client.call('containers.files.upload', { id, dir, name: file.name });
      if (!ticket.ok) return ticket.error;
      const result = await uploadFile(client, ticket.value, file, (p) => onProgress(p.fraction));
      return result.ok ? null : result.error;
    },
    [client, id],
  );
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <FileBrowser key={id} root={ROOT} list={list} download={download} preview={preview} upload={upload} followLink={followLink} folderFormat=".tar" />
    </Box>
  );
}
