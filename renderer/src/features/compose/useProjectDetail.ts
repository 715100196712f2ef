import { useEffect, useState } from 'react';
import type { BerthErrorData, ComposeProjectDetail, ComposeProjectSummary, TaskInfo } from '../../api/contract';
import { useBerth } from '../../stores/context';

export type DetailState = { phase: 'loading' } | { phase: 'ready'; detail: ComposeProjectDetail } | { phase: 'failed'; error: BerthErrorData };

/**
 * The project's services and containers (compose.projects.get), fetched again whenever its summary changes
 * (the list is live through 'compose.changed') or its task moves on. The last answer stays on screen meanwhile.
 */
export function useProjectDetail(name: string, summary: ComposeProjectSummary | undefined, task: TaskInfo | undefined): DetailState {
  const client = useBerth((s) => s.client);
  const [state, setState] = useState<{ name: string; value: DetailState } | null>(null);
  const summaryKey = summary ? JSON.stringify(summary) : '';
  const taskKey = task ? `${task.id}:${task.state}:${(task.steps ?? []).map((s) => s.state).join(',')}` : '';
  useEffect(() => {
    let current = true;
    void client.call('compose.projects.get', { name }).then((r) => {
      if (current) setState({ name, value: r.ok ? { phase: 'ready', detail: r.value } : { phase: 'failed', error: r.error } });
    });
    return () => {
      current = false;
    };
  }, [client, name, summaryKey, taskKey]);
  return state?.name === name ? state.value : { phase: 'loading' };
}
