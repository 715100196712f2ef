import { useState } from 'react';
import { plural, type BerthErrorData } from '../../api/contract';

export type UploadFn = (
  dir: string,
  file: File,
  onProgress: (fraction: number | undefined) => void,
) => Promise<BerthErrorData | null>;

export interface UploadProgress {
  name: string;
  /** 1-based place of this file among those chosen or dropped together. */
  index: number;
  count: number;
  fraction?: number;
}

export interface UploadNotice {
  severity: 'error' | 'success';
  message: string;
  error?: BerthErrorData;
}

/**
 * Uploads several files into one folder, one after the other (each with its own ticket and progress); a failed
 * file does not stop the others, and the notice names what failed and how many arrived.
 */
export function useUploads(upload: UploadFn | undefined, onNotice: (n: UploadNotice | null) => void, onUploaded: () => void) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  /** `label` is how the folder reads in messages (a volume's root is '' in paths). */
  const start = async (into: string, files: File[], label = into) => {
    if (!upload || files.length === 0 || progress) return;
    onNotice(null);
    const failed: { name: string; error: BerthErrorData }[] = [];
    for (const [i, file] of files.entries()) {
      const at = { name: file.name, index: i + 1, count: files.length };
      setProgress(at);
      const error = await upload(into, file, (fraction) => setProgress({ ...at, ...(fraction !== undefined ? { fraction } : {}) }));
      if (error) failed.push({ name: file.name, error });
    }
    setProgress(null);
    const done = files.length - failed.length;
    if (done > 0) onUploaded();
    const first = failed[0];
    if (!first) {
      onNotice({ severity: 'success', message: `Uploaded ${files.length === 1 ? (files[0]?.name ?? '') : plural(done, 'file')} to ${label}.` });
      return;
    }
    const others = failed.length > 1 ? ` (and ${plural(failed.length - 1, 'other file')}: ${failed.slice(1).map((f) => f.name).join(', ')})` : '';
    const arrived = done > 0 ? ` ${plural(done, 'file')} uploaded to ${label}.` : '';
    onNotice({ severity: 'error', message: `Could not upload ${first.name}${others}: ${first.error.message}${arrived}`, error: first.error });
  };
  return { progress, start };
}
