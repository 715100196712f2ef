import type { SvgIconComponent } from '@mui/icons-material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import StopIcon from '@mui/icons-material/Stop';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import { ErrorCode, type ComposeProjectSummary, type ComposeSource, type EngineClient, type MethodName, type Result, type TaskRef } from '../../api/contract';

export type ComposeActionId = 'up' | 'start' | 'stop' | 'restart' | 'down';

export interface UpOptions {
  profiles: string[];
  pull: 'missing' | 'always' | 'never';
  forceRecreate: boolean;
  build: boolean;
  removeOrphans: boolean;
  /** Keep the task running until every service runs, healthy when it has a healthcheck (compose's --wait). */
  wait: boolean;
}

export interface DownOptions {
  /** Also remove the project's named volumes: their data is lost. */
  volumes: boolean;
  removeOrphans: boolean;
}

export const defaultUpOptions: UpOptions = { profiles: [], pull: 'missing', forceRecreate: false, build: false, removeOrphans: false, wait: false };
export const defaultDownOptions: DownOptions = { volumes: false, removeOrphans: true };

/** Actions are data: the list rows, the project header and the progress view all render from these. */
export interface ComposeActionDef {
  id: ComposeActionId;
  label: string;
  /** Says what the action does, e.g. as a tooltip. */
  hint: string;
  icon: SvgIconComponent;
  /** Whether the action makes sense now; `source` is known when Berth can read the project's files. */
  available: (project: ComposeProjectSummary, source: ComposeSource | undefined) => boolean;
  /** Down removes containers and networks (and, when chosen, volumes): it asks first. */
  confirms?: boolean;
  /** The method it calls: hidden from roles that may not call it (the server refuses it anyway). */
  method: MethodName;
}

const hasContainers = (p: ComposeProjectSummary) => p.containers.total > 0;

export const composeActions: readonly ComposeActionDef[] = [
  {
    id: 'up',
    method: 'compose.up',
    label: 'Up',
    hint: 'Create and start the services from the compose files (applies changes to the files)',
    icon: RocketLaunchIcon,
    available: (_p, source) => source !== undefined,
  },
  {
    id: 'start',
    method: 'compose.start',
    label: 'Start',
    hint: 'Start the stopped containers of the project',
    icon: PlayArrowIcon,
    available: (p) => hasContainers(p) && p.containers.running < p.containers.total,
  },
  {
    id: 'stop',
    method: 'compose.stop',
    label: 'Stop',
    hint: 'Stop the running containers (they are kept)',
    icon: StopIcon,
    available: (p) => p.containers.running > 0,
  },
  {
    id: 'restart',
    method: 'compose.restart',
    label: 'Restart',
    hint: 'Restart every container of the project',
    icon: RestartAltIcon,
    available: hasContainers,
  },
  {
    id: 'down',
    method: 'compose.down',
    label: 'Down',
    hint: 'Stop and remove the containers and networks of the project',
    icon: DeleteSweepIcon,
    available: hasContainers,
    confirms: true,
  },
];

/**
 * Every action the role may call, with whether it can run now, always in the same order: unavailable ones are
 * shown disabled, not hidden, so a button never moves (Down must not land under the pointer that just clicked
 * Up). Actions the role may not call (`may`, from useMayCall) are not shown at all.
 */
export function actionSlots(
  project: ComposeProjectSummary | undefined,
  source: ComposeSource | undefined,
  may: (method: MethodName) => boolean,
): { action: ComposeActionDef; available: boolean }[] {
  return composeActions
    .filter((action) => may(action.method))
    .map((action) => ({ action, available: project !== undefined && action.available(project, source) }));
}

export const actionById = (id: ComposeActionId): ComposeActionDef => {
  const action = composeActions.find((a) => a.id === id);
  if (!action) throw new Error(`unknown compose action ${id}`);
  return action;
};

/**
 * The files of a listed project, when its labels tell where they are. Relative config file paths are taken
 * from the working directory, as compose does.
 */
export function sourceOf(project: ComposeProjectSummary): ComposeSource | undefined {
  const workingDir = project.workingDir;
  if (!workingDir) return undefined;
  const files = (project.configFiles ?? []).map((f) => (f.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(f) ? f : `${workingDir.replace(/\/$/, '')}/${f}`));
  return { files, workingDir, projectName: project.name };
}

export interface ActionRequest {
  project: string;
  source: ComposeSource | undefined;
  up?: UpOptions;
  down?: DownOptions;
}

/** Starts the action's task in the backend. Up needs the project's files; the others work by name. */
export function invokeComposeAction(client: EngineClient, id: ComposeActionId, req: ActionRequest): Promise<Result<TaskRef>> {
  const name = req.project;
  switch (id) {
    case 'up': {
      if (!req.source) return Promise.resolve(noSource(name));
      const o = req.up ?? defaultUpOptions;
      const source = o.profiles.length > 0 ? { ...req.source, profiles: o.profiles } : req.source;
      return client.call('compose.up', {
        source,
        detach: true,
        pull: o.pull,
        forceRecreate: o.forceRecreate || undefined,
        build: o.build || undefined,
        removeOrphans: o.removeOrphans || undefined,
        wait: o.wait || undefined,
      });
    }
    case 'start':
      return client.call('compose.start', { name });
    case 'stop':
      return client.call('compose.stop', { name });
    case 'restart':
      return client.call('compose.restart', { name });
    case 'down': {
      const o = req.down ?? defaultDownOptions;
      return client.call('compose.down', { name, volumes: o.volumes, removeOrphans: o.removeOrphans });
    }
  }
}

function noSource(name: string): Result<TaskRef> {
  return {
    ok: false,
    error: {
      code: ErrorCode.INVALID_ARGUMENT,
      message: `Berth does not know where the compose files of ${name} are. Open the project's folder (Open project…) and run Up from there.`,
    },
  };
}
