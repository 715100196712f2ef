import type { SvgIconComponent } from '@mui/icons-material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import PauseIcon from '@mui/icons-material/Pause';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import OpenInBrowserIcon from '@mui/icons-material/OpenInBrowser';
import TerminalIcon from '@mui/icons-material/Terminal';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import TuneIcon from '@mui/icons-material/Tune';
import DriveFileRenameOutlineIcon from '@mui/icons-material/DriveFileRenameOutline';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import DownloadIcon from '@mui/icons-material/Download';
import type {
  ContainerAction,
  ContainerState,
  EngineClient,
  MethodInput,
  MethodName,
  Result,
} from '../../api/contract';
import type { ContainerRow } from '../../stores/selectors';

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
export const needsForce = (state: ContainerState): boolean =>
  ['running', 'paused', 'restarting'].includes(state);

/** How a menu action runs: copy text from a method, open a dialog, download a ticket, or open a URL. */
export type MenuActionKind = 'copy' | 'dialog' | 'download' | 'open';
export type MenuActionId = 'copyRun' | 'copyCompose' | 'edit' | 'rename' | 'commit' | 'export' | 'openPort';

export interface ContainerMenuActionDef {
  id: MenuActionId;
  label: string;
  icon: SvgIconComponent;
  kind: MenuActionKind;
  /** The method behind it (a dialog's submit for 'dialog'). */
  method?: MethodName;
  available: (row: ContainerRow) => boolean;
  /** For 'copy': what the snackbar says once it is on the clipboard. */
  copied?: string;
}

const always = () => true;

/** The row menu ("More actions") and the details header: defined once, rendered from this list. */
export const containerMenuActions: readonly ContainerMenuActionDef[] = [
  {
    id: 'openPort',
    label: 'Open published port in the browser',
    icon: OpenInBrowserIcon,
    kind: 'open',
    available: (r) => r.ports.some((p) => p.url),
  },
  {
    id: 'copyRun',
    label: 'Copy as docker run',
    icon: TerminalIcon,
    kind: 'copy',
    method: 'containers.runCommand',
    available: always,
    copied: 'docker run command copied',
  },
  {
    id: 'copyCompose',
    label: 'Copy as compose service',
    icon: DescriptionIcon,
    kind: 'copy',
    method: 'containers.composeService',
    available: always,
    copied: 'Compose service copied',
  },
  {
    id: 'edit',
    label: 'Edit settings…',
    icon: TuneIcon,
    kind: 'dialog',
    method: 'containers.recreate',
    available: (r) => r.state !== 'removing',
  },
  {
    id: 'rename',
    label: 'Rename…',
    icon: DriveFileRenameOutlineIcon,
    kind: 'dialog',
    method: 'containers.rename',
    available: (r) => r.state !== 'removing',
  },
  {
    id: 'commit',
    label: 'Commit to image…',
    icon: SaveAltIcon,
    kind: 'dialog',
    method: 'containers.commit',
    available: (r) => r.state !== 'removing' && r.state !== 'dead',
  },
  {
    id: 'export',
    label: 'Export filesystem (.tar)',
    icon: DownloadIcon,
    kind: 'download',
    method: 'containers.export',
    available: (r) => r.state !== 'removing',
  },
];

/** Actions that apply to many selected containers at once, each only to those in a state that allows it. */
export const bulkActionIds: readonly ContainerAction[] = ['start', 'stop', 'restart', 'remove'];
