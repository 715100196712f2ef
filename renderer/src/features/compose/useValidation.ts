import { useEffect, useState } from 'react';
import type { EditorMarker } from '../../components/editor/types';
import { useBerth } from '../../stores/context';
import { toMarkers } from './problems';

export const VALIDATE_DELAY_MS = 400;

/**
 * Berth's own checks of unsaved compose text (interpolation, references, ports, cycles), debounced while the
 * user types; the schema's checks run in the editor itself. Answers for older text are dropped.
 */
export function useComposeValidation(content: string | undefined, fileName: string, workingDir: string | undefined): EditorMarker[] {
  const client = useBerth((s) => s.client);
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  useEffect(() => {
    if (content === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      void client.call('compose.validate', { content, fileName, ...(workingDir ? { workingDir } : {}) }).then((r) => {
        // A failed call (engine gone) says nothing about the text: keep the last markers.
        if (current && r.ok) setMarkers(toMarkers(r.value.problems));
      });
    }, VALIDATE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, content, fileName, workingDir]);
  return markers;
}
