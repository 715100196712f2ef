import { Breadcrumbs, Link, Typography } from '@mui/material';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';

interface Props {
  root: { path: string; label: string };
  /** The folder shown, in the same terms as root.path. */
  dir: string;
  onGo: (path: string) => void;
}

/** The folder's place as breadcrumbs: every level above it is a button; the current one is text. */
export function PathBar({ root, dir, onGo }: Props) {
  const parts = dir.slice(root.path.length).split('/').filter(Boolean);
  const crumbs = [
    { label: root.label, path: root.path },
    ...parts.map((part, i) => ({ label: part, path: root.path + parts.slice(0, i + 1).join('/') })),
  ];
  return (
    // A chevron, not '/', between levels: the root of a container is itself called '/', and "/ / etc" misreads.
    <Breadcrumbs
      aria-label="Folder path"
      separator={<NavigateNextIcon fontSize="small" aria-hidden />}
      sx={{ flex: 1, minWidth: 0 }}
    >
      {crumbs.map((c, i) =>
        i === crumbs.length - 1 ? (
          <Typography key={c.path} color="text.primary" aria-current="location">
            {c.label}
          </Typography>
        ) : (
          <Link key={c.path} component="button" type="button" onClick={() => onGo(c.path)} underline="hover">
            {c.label}
          </Link>
        ),
      )}
    </Breadcrumbs>
  );
}
