import { useState } from 'react';
import { IconButton, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import type { ContainerRow } from '../../stores/selectors';
import { containerMenuActions, type ContainerMenuActionDef } from './actions';

interface Props {
  row: ContainerRow;
  onMenuAction: (row: ContainerRow, action: ContainerMenuActionDef) => void;
}

/** "More actions" for one container, rendered from containerMenuActions. */
export function RowMenu({ row, onMenuAction }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const actions = containerMenuActions.filter((a) => a.available(row));
  const menuId = `row-menu-${row.id}`;
  return (
    <>
      <IconButton
        size="small"
        aria-label={`More actions for ${row.name}`}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? true : undefined}
        tabIndex={-1}
        onClick={(e) => {
          e.stopPropagation();
          setAnchor(e.currentTarget);
        }}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {actions.map((action) => {
          const Icon = action.icon;
          return (
            <MenuItem
              key={action.id}
              onClick={() => {
                setAnchor(null);
                onMenuAction(row, action);
              }}
            >
              <ListItemIcon>
                <Icon fontSize="small" />
              </ListItemIcon>
              <ListItemText>{action.label}</ListItemText>
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}
