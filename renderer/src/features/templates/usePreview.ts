import { useEffect, useState } from 'react';
import type { BerthErrorData, EngineClient, Result, TemplatePreview } from '../../api/contract';

const DELAY_MS = 400;

export type PreviewState =
  | { state: 'idle' }
  | { state: 'loading'; last?: TemplatePreview | undefined }
  | { state: 'ready'; preview: TemplatePreview }
  | { state: 'failed'; error: BerthErrorData; last?: TemplatePreview | undefined };

/**
 * The resolved compose file for the current values (templates.preview), asked for once typing pauses; an answer
 * for older values is never shown for newer ones. `enabled` is false while the form already knows a value is wrong.
 */
export function usePreview(client: EngineClient, id: string, values: Record<string, string>, projectName: string, enabled: boolean): PreviewState {
  const key = JSON.stringify([id, values, projectName]);
  const [answer, setAnswer] = useState<{ key: string; result: Result<TemplatePreview> } | null>(null);
  const [last, setLast] = useState<TemplatePreview | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      const [tid, v, name] = JSON.parse(key) as [string, Record<string, string>, string];
      void client.call('templates.preview', { id: tid, values: v, ...(name ? { projectName: name } : {}) }).then((result) => {
        if (!current) return;
        setAnswer({ key, result });
        if (result.ok) setLast(result.value);
      });
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, key, enabled]);
  if (!enabled) return { state: 'idle' };
  if (answer?.key !== key) return { state: 'loading', last };
  return answer.result.ok ? { state: 'ready', preview: answer.result.value } : { state: 'failed', error: answer.result.error, last };
}
