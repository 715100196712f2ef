import { Box, Button, Typography } from '@mui/material';
import { CopyableCommand } from '../../components/CopyableCommand';

/** No images at all: teach pulling and building. */
export function NoImages({ onPull, onBuild }: { onPull: () => void; onBuild: () => void }) {
  return (
    <Box sx={{ p: 4, maxWidth: 680 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        No images yet
      </Typography>
      <Typography gutterBottom>
        Images are the templates containers start from. Pull one from a registry, build one from a folder with
        a Dockerfile, or load an archive made by “docker save”. Images the docker CLI pulls appear here too.
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, my: 2 }}>
        <Button variant="contained" onClick={onPull}>
          Pull an image
        </Button>
        <Button variant="outlined" onClick={onBuild}>
          Build an image
        </Button>
      </Box>
      <CopyableCommand command="docker pull nginx:1.27" />
    </Box>
  );
}

/** Images exist but the filter hides them all. */
export function NoMatchingImages({ onClear }: { onClear: () => void }) {
  return (
    <Box sx={{ p: 4 }}>
      <Typography gutterBottom>No images match the filter.</Typography>
      <Button variant="outlined" onClick={onClear}>
        Clear filter
      </Button>
    </Box>
  );
}
