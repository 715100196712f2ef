import { useCallback } from 'react';
import { uploadFile } from '../../api/transfers';
import { FileBrowser } from '../../components/files/FileBrowser';
import { startDownload } from '../../components/files/transfers';
import { useBerth } from '../../stores/context';

/**
 * A volume's files (the backend reads and writes through a never-started helper container): folders download
 * as .tar.gz, files preview as text and upload (chosen or dropped). Links are not followed: their targets name
 * paths of whatever container mounts the volume.
 */
export function VolumeFiles({ volume }: { volume: string }) {
  const client = useBerth((s) => s.client);
  const list = useCallback(
    (path: string) => client.call('volumes.files.list', { name: volume, path }),
    [client, volume],
  );
  const download = useCallback(
    async (path: string) =>
      startDownload(client, await client.call('volumes.files.download', { name: volume, path })),
    [client, volume],
  );
  const preview = useCallback(
    (path: string) => client.call('volumes.files.preview', { name: volume, path }),
    [client, volume],
  );
  const upload = useCallback(
    async (dir: string, file: File, onProgress: (fraction: number | undefined) => void) => {
      const ticket = await client.call('volumes.files.upload', { name: volume, dir, fileName: file.name });
      if (!ticket.ok) return ticket.error;
      const result = await uploadFile(client, ticket.value, file, (p) => onProgress(p.fraction));
      return result.ok ? null : result.error;
    },
    [client, volume],
  );
  return (
    <FileBrowser
      key={volume}
      root={{ path: '', label: volume }}
      list={list}
      download={download}
      preview={preview}
      upload={upload}
      folderFormat=".tar.gz"
    />
  );
}
