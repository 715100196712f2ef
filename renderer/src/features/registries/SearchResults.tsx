import { Alert, Box, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import StarIcon from '@mui/icons-material/Star';
import VerifiedIcon from '@mui/icons-material/Verified';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import DownloadIcon from '@mui/icons-material/Download';
import type { RegistryInfo, RegistrySearch } from '../../api/contract';
import { sourceName, type RepoRef } from './repo';

/** Search results as cards, with each source that could not be searched said inline (the others still show). */
export function SearchResults({ search, registries, onOpen }: { search: RegistrySearch; registries?: RegistryInfo[]; onOpen: (repo: RepoRef) => void }) {
  return (
    <Box>
      {search.errors.map((e) => (
        <Alert key={e.source} severity="warning" sx={{ mb: 1 }}>
          {/* The backend's message usually names its source already ("Docker Hub cannot be reached…"). */}
          {e.message.startsWith(sourceName(registries, e.source)) ? e.message : `${sourceName(registries, e.source)}: ${e.message}`}
        </Alert>
      ))}
      {search.results.length === 0 && <Typography sx={{ my: 2 }}>Nothing found. Try a shorter term, or add the registry that has the image.</Typography>}
      <Box role="list" aria-label="Search results" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 1.5 }}>
        {search.results.map((r) => (
          <Card key={`${r.source}/${r.name}`} role="listitem" variant="outlined">
            <CardActionArea aria-label={`Open ${r.name}`} onClick={() => onOpen({ source: r.source, repository: r.repository, name: r.name })} sx={{ height: '100%' }}>
              <CardContent>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                  <Typography variant="subtitle1" component="h3" sx={{ flex: 1, wordBreak: 'break-all' }}>
                    {r.name}
                  </Typography>
                  {(r.official || r.badge === 'official') && <Chip size="small" color="primary" icon={<VerifiedIcon />} label="Official" title="Docker Official Image: published and maintained by Docker" />}
                  {r.badge === 'verified_publisher' && <Chip size="small" color="success" icon={<WorkspacePremiumIcon />} label="Verified publisher" title="Published by a company Docker has verified" />}
                  {r.badge === 'open_source' && <Chip size="small" color="secondary" label="Open source" title="Docker-Sponsored Open Source project" />}
                  {r.automated && <Chip size="small" variant="outlined" label="Automated" title="Built by Docker Hub from a linked source repository" />}
                </Stack>
                <Typography variant="body2" color="text.secondary" sx={{ minHeight: 40 }}>
                  {r.description || 'No description.'}
                </Typography>
                <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
                  <Chip size="small" variant="outlined" label={sourceName(registries, r.source)} />
                  {r.stars !== undefined && (
                    <Typography variant="caption" sx={{ display: 'flex', alignItems: 'center', gap: 0.25 }} aria-label={`${r.stars} stars`}>
                      <StarIcon fontSize="inherit" /> {r.stars}
                    </Typography>
                  )}
                  {r.pulls && (
                    <Typography variant="caption" sx={{ display: 'flex', alignItems: 'center', gap: 0.25 }} aria-label={`${r.pulls} pulls`}>
                      <DownloadIcon fontSize="inherit" /> {r.pulls}
                    </Typography>
                  )}
                </Stack>
                {r.platforms && r.platforms.length > 0 && (
                  <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
                    {r.platforms.join(', ')}
                  </Typography>
                )}
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
      </Box>
    </Box>
  );
}
