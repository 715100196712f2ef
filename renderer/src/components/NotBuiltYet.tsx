import { Box, Typography } from '@mui/material';
import ConstructionIcon from '@mui/icons-material/Construction';

interface Props {
  title: string;
  /** One line on what the section will do once it is built. */
  description: string;
}

/** The page of a section that exists in the navigation but is not built yet. */
export function NotBuiltYet({ title, description }: Props) {
  return (
    <Box sx={{ p: 4, maxWidth: 640 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {title}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', color: 'text.secondary' }}>
        <ConstructionIcon aria-hidden />
        <Box>
          <Typography>The {title} section is not built yet.</Typography>
          <Typography>When it is, it will {description}</Typography>
        </Box>
      </Box>
    </Box>
  );
}
