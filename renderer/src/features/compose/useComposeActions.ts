import { useCallback, useState } from 'react';
import type { BerthErrorData, ComposeProjectSummary, ComposeSource } from '../../api/contract';
import { useBerth } from '../../stores/context';
import { actionById, invokeComposeAction, type ComposeActionId, type DownOptions, type UpOptions } from './actions';

export interface ActionFailure {
  project: string;
  action: ComposeActionId | 'scale';
  error: BerthErrorData;
}

/**
 * Starts compose actions as tasks and remembers each project's task (its progress shows in the list row and
 * on the project page). A failure to even start (invalid files, engine gone) is kept for an inline error.
 */
export function useComposeActions() {
  const client = useBerth((s) => s.client);
  const track = useBerth((s) => s.trackComposeTask);
  const [failure, setFailure] = useState<ActionFailure | null>(null);

  const run = useCallback(
    async (
      project: Pick<ComposeProjectSummary, 'name'>,
      action: ComposeActionId,
      options: { source?: ComposeSource; up?: UpOptions; down?: DownOptions } = {},
    ): Promise<boolean> => {
      setFailure(null);
      const result = await invokeComposeAction(client, action, { project: project.name, ...options, source: options.source });
      if (result.ok) {
        track(project.name, { taskId: result.value.taskId, action });
        return true;
      }
      setFailure({ project: project.name, action, error: result.error });
      return false;
    },
    [client, track],
  );

  const scale = useCallback(
    async (project: string, service: string, replicas: number): Promise<boolean> => {
      setFailure(null);
      const result = await client.call('compose.scale', { name: project, service, replicas });
      if (result.ok) {
        track(project, { taskId: result.value.taskId, action: 'scale' });
        return true;
      }
      setFailure({ project, action: 'scale', error: result.error });
      return false;
    },
    [client, track],
  );

  return { run, scale, failure, dismissFailure: useCallback(() => setFailure(null), []) };
}

export const failureTitle = (f: ActionFailure): string =>
  `${f.action === 'scale' ? 'Scaling' : actionById(f.action).label} of ${f.project} did not start`;
