import { Breadcrumbs, Link, Typography } from '@mui/material';

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
    <Breadcrumbs aria-label="Folder path" sx={{ flex: 1, minWidth: 0 }}>
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
