import type { SvgIconComponent } from '@mui/icons-material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import PauseIcon from '@mui/icons-material/Pause';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import type {
  ContainerAction,
  ContainerState,
  EngineClient,
  MethodInput,
  MethodName,
  Result,
} from '../../api/contract';

/** Choices the remove confirmation offers; other actions ignore them. */
export interface ActionOptions {
  force: boolean;
  volumes: boolean;
}

export interface Confirmation {
  title: (name: string) => string;
  /** What will be lost, in plain words. */
  lost: (name: string) => string;
  confirmLabel: string;
}

export interface ContainerActionDef {
  id: ContainerAction;
  label: string;
  /** Shown next to the row while the action runs. */
  progressLabel: string;
  icon: SvgIconComponent;
  availableIn: readonly ContainerState[];
  method: MethodName;
  /** Key that runs the action on the focused row (KeyboardEvent.key). */
  shortcut?: string;
  confirm?: Confirmation;
  invoke: (client: EngineClient, id: string, options: ActionOptions) => Promise<Result<void>>;
}

type ContainerMethod = `containers.${ContainerAction}`;

// Ties the method name to its params at the type level, so each action is one line of data.
function define<M extends ContainerMethod>(
  def: Omit<ContainerActionDef, 'invoke' | 'method'> & {
    method: M;
    params: (id: string, options: ActionOptions) => MethodInput<M>;
  },
): ContainerActionDef {
  const { params, ...rest } = def;
  return {
    ...rest,
    invoke: (client, id, options) => client.call(def.method, params(id, options)) as Promise<Result<void>>,
  };
}

const byId = (id: string) => ({ id });

/** Every container action, defined once: rows, menus, dialogs and shortcuts render from this list. */
export const containerActions: readonly ContainerActionDef[] = [
  define({
    id: 'start',
    label: 'Start',
    progressLabel: 'Starting…',
    icon: PlayArrowIcon,
    availableIn: ['created', 'exited'],
    method: 'containers.start',
    params: byId,
  }),
  define({
    id: 'stop',
    label: 'Stop',
    progressLabel: 'Stopping…',
    icon: StopIcon,
    availableIn: ['running', 'restarting', 'paused'],
    method: 'containers.stop',
    params: byId,
  }),
  define({
    id: 'restart',
    label: 'Restart',
    progressLabel: 'Restarting…',
    icon: RestartAltIcon,
    availableIn: ['running', 'exited', 'created'],
    method: 'containers.restart',
    params: byId,
  }),
  define({
    id: 'pause',
    label: 'Pause',
    progressLabel: 'Pausing…',
    icon: PauseIcon,
    availableIn: ['running'],
    method: 'containers.pause',
    params: byId,
  }),
  define({
    id: 'unpause',
    label: 'Resume',
    progressLabel: 'Resuming…',
    icon: PlayCircleOutlineIcon,
    availableIn: ['paused'],
    method: 'containers.unpause',
    params: byId,
  }),
  define({
    id: 'remove',
    label: 'Remove',
    progressLabel: 'Removing…',
    icon: DeleteOutlineIcon,
    availableIn: ['created', 'running', 'paused', 'restarting', 'exited', 'dead'],
    method: 'containers.remove',
    shortcut: 'Delete',
    confirm: {
      title: (name) => `Remove container ${name}?`,
      lost: (name) =>
        `${name} and its writable layer will be deleted: every file it created or changed outside volumes is lost. ` +
        'Its image and named volumes are kept.',
      confirmLabel: 'Remove',
    },
    params: (id, { force, volumes }) => ({ id, force, volumes }),
  }),
];

export const availableActions = (state: ContainerState): ContainerActionDef[] =>
  containerActions.filter((a) => a.availableIn.includes(state));

export const actionById = (id: ContainerAction): ContainerActionDef | undefined =>
  containerActions.find((a) => a.id === id);

/** States in which removal needs force (the engine refuses to remove a running container otherwise). */
export const needsForce = (state: ContainerState): boolean => ['running', 'paused', 'restarting'].includes(state);
