import { useState } from 'react';
import { Box, Breadcrumbs, Button, Link, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import DeleteIcon from '@mui/icons-material/Delete';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import type { TemplateDetail } from '../../api/contract';
import { IfMay } from '../../components/access';
import { builderHref, templateHref, templatesHref } from './route';
import { TemplateLogo } from './TemplateLogo';

interface Props {
  detail: TemplateDetail;
  origin: string;
  onExport: (as: 'file' | 'folder') => void;
  onRemove: () => void;
}

/** Title, logo and facts of a template, with its actions: deploy, open in the builder, export, remove. */
export function TemplateHeader({ detail, origin, onExport, onRemove }: Props) {
  const { summary: s, metadata: m } = detail;
  const [exportMenu, setExportMenu] = useState<HTMLElement | null>(null);
  const facts = [origin, m.version && `version ${m.version}`, m.maintainer && `by ${m.maintainer}`, m.categories.join(', ')].filter(Boolean).join(' · ');
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Breadcrumbs aria-label="Location">
        <Link href={templatesHref} underline="hover" variant="body2">
          Templates
        </Link>
        <Typography variant="body2" color="text.primary">
          {s.title}
        </Typography>
      </Breadcrumbs>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1, flexWrap: 'wrap' }}>
        <TemplateLogo title={s.title} logo={s.logo} size={48} />
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography variant="h5" component="h1">
            {s.title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {facts}
          </Typography>
        </Box>
        <IfMay method="templates.deploy">
          <Button variant="contained" startIcon={<RocketLaunchIcon />} href={templateHref(s.id, 'deploy')}>
            Deploy…
          </Button>
        </IfMay>
        <Button startIcon={<AccountTreeIcon />} href={builderHref(s.id)}>
          Open in builder
        </Button>
        <Button startIcon={<FileDownloadIcon />} aria-haspopup="menu" onClick={(e) => setExportMenu(e.currentTarget)}>
          Export
        </Button>
        <Menu anchorEl={exportMenu} open={exportMenu !== null} onClose={() => setExportMenu(null)}>
          <MenuItem onClick={() => { setExportMenu(null); onExport('file'); }}>
            <ListItemText primary="As one file" secondary="compose.yaml with its x-berth block" />
          </MenuItem>
          <MenuItem onClick={() => { setExportMenu(null); onExport('folder'); }}>
            <ListItemText primary="As a folder" secondary="compose.yaml and README.md, saved one by one" />
          </MenuItem>
        </Menu>
        {s.origin === 'library' && (
          <IfMay method="templates.remove">
            <Button color="error" startIcon={<DeleteIcon />} onClick={onRemove}>
              Remove
            </Button>
          </IfMay>
        )}
      </Box>
      {m.description && (
        <Typography sx={{ mt: 1 }} color="text.secondary">
          {m.description}
        </Typography>
      )}
    </Box>
  );
}
