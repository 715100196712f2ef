import type { SvgIconComponent } from '@mui/icons-material';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import LocalOfferOutlinedIcon from '@mui/icons-material/LocalOfferOutlined';
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import type { ImageRow } from './view';

export type ImageActionId = 'details' | 'tag' | 'push' | 'save' | 'remove';

export interface ImageActionDef {
  id: ImageActionId;
  label: string;
  /** Shown next to the row while the action runs (actions that run in place). */
  progressLabel?: string;
  icon: SvgIconComponent;
  /** Whether the action applies to the row; `why` explains a disabled one in its tooltip. */
  available: (row: ImageRow) => boolean;
  /** Key that runs the action on the focused row (KeyboardEvent.key). */
  shortcut?: string;
  destructive?: boolean;
}

/** Every image action, defined once: row buttons, the details header and shortcuts render from this list. */
export const imageActions: readonly ImageActionDef[] = [
  // Enter opens the details through the grid's one open key.
  { id: 'details', label: 'Details', icon: InfoOutlinedIcon, available: () => true },
  {
    id: 'tag',
    label: 'Tag',
    progressLabel: 'Tagging…',
    icon: LocalOfferOutlinedIcon,
    available: () => true,
    shortcut: 't',
  },
  {
    id: 'push',
    label: 'Push',
    icon: CloudUploadOutlinedIcon,
    // An image without a name can still go to a saved registry: the push dialog names it there first.
    available: () => true,
    shortcut: 'p',
  },
  {
    id: 'save',
    label: 'Save as archive',
    progressLabel: 'Preparing download…',
    icon: SaveAltIcon,
    available: () => true,
  },
  {
    id: 'remove',
    label: 'Remove',
    progressLabel: 'Removing…',
    icon: DeleteOutlineIcon,
    available: () => true,
    shortcut: 'Delete',
    destructive: true,
  },
];

export const availableImageActions = (row: ImageRow): ImageActionDef[] =>
  imageActions.filter((a) => a.available(row));
export const imageActionById = (id: ImageActionId): ImageActionDef | undefined =>
  imageActions.find((a) => a.id === id);
