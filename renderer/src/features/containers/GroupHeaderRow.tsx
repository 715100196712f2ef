import { Box, Checkbox, IconButton, Tooltip, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useGridRow } from '../../components/grid/GridContext';
import { actionById, type ContainerActionDef } from './actions';
import type { GroupItem } from './grouping';

interface Props {
  group: GroupItem;
  selectedCount: number;
  onToggle: (project: string) => void;
  onSelectGroup: (ids: string[], selected: boolean) => void;
  onGroupAction: (group: GroupItem, action: ContainerActionDef) => void;
}

const GROUP_ACTIONS = ['start', 'stop', 'restart'] as const;

/** A compose project's header in the grouped list: collapse, counts, select all of it, act on all of it. */
export function GroupHeaderRow({ group, selectedCount, onToggle, onSelectGroup, onGroupAction }: Props) {
  const all = selectedCount === group.ids.length && group.ids.length > 0;
  const { tabIndex } = useGridRow(`group:${group.project}`);
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%', px: 0.5, bgcolor: 'action.hover' }}
    >
      <Checkbox
        size="small"
        tabIndex={tabIndex}
        checked={all}
        indeterminate={selectedCount > 0 && !all}
        onChange={(e) => onSelectGroup(group.ids, e.target.checked)}
        slotProps={{ input: { 'aria-label': `Select all in ${group.label}` } }}
      />
      <IconButton
        size="small"
        tabIndex={tabIndex}
        aria-expanded={!group.collapsed}
        aria-label={`${group.collapsed ? 'Expand' : 'Collapse'} ${group.label}`}
        onClick={() => onToggle(group.project)}
      >
        {group.collapsed ? <ChevronRightIcon fontSize="small" /> : <ExpandMoreIcon fontSize="small" />}
      </IconButton>
      <Typography variant="subtitle2">{group.label}</Typography>
      <Typography variant="body2" color="text.secondary">
        {group.ids.length} {group.ids.length === 1 ? 'container' : 'containers'}, {group.running} running
      </Typography>
      <Box sx={{ ml: 'auto', display: 'flex', pr: 1 }}>
        {GROUP_ACTIONS.map((id) => {
          const action = actionById(id);
          if (!action) return null;
          const Icon = action.icon;
          const label = `${action.label} all in ${group.label}`;
          return (
            <Tooltip key={id} title={label} enterDelay={400}>
              <IconButton
                size="small"
                tabIndex={tabIndex}
                aria-label={label}
                onClick={() => onGroupAction(group, action)}
              >
                <Icon fontSize="small" />
              </IconButton>
            </Tooltip>
          );
        })}
      </Box>
    </Box>
  );
}
