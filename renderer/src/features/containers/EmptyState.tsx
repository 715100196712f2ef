import { Box, Button, Link, Typography } from '@mui/material';
import { CopyableCommand } from '../../components/CopyableCommand';

/** No containers at all: teach the first step. */
export function NoContainers({ onRun }: { onRun: () => void }) {
  return (
    <Box sx={{ p: 4, maxWidth: 640 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        No containers yet
      </Typography>
      <Typography gutterBottom>
        Containers you run appear here as they start, whether Berth or the docker CLI created them.
      </Typography>
      <Button variant="contained" onClick={onRun} sx={{ my: 1 }}>
        Run a container
      </Button>
      <Typography gutterBottom>Or from a terminal:</Typography>
      <CopyableCommand command="docker run -d --name web -p 8080:80 nginx" />
      <Typography sx={{ mt: 2 }}>
        Or start a whole application from a <Link href="#/compose">Compose file</Link> or a{' '}
        <Link href="#/templates">template</Link>.
      </Typography>
    </Box>
  );
}

/** Containers exist but the filter hides them all. */
export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <Box sx={{ p: 4 }}>
      <Typography gutterBottom>No containers match the filter.</Typography>
      <Button variant="outlined" onClick={onClear}>
        Clear filter
      </Button>
    </Box>
  );
}
