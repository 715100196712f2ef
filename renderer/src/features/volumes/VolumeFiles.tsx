import { useCallback } from 'react';
import { FileBrowser } from '../../components/files/FileBrowser';
import { startDownload } from '../../components/files/transfers';
import { useBerth } from '../../stores/context';

/**
 * A volume's files, read-only (the backend reads through a never-started helper container); folders download
 * as .tar.gz. Links are not followed: their targets name paths of whatever container mounts the volume.
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
  return (
    <FileBrowser
      key={volume}
      root={{ path: '', label: volume }}
      list={list}
      download={download}
      folderFormat=".tar.gz"
    />
  );
}
