import { Box, Card, CardActionArea, Chip, Typography } from '@mui/material';
import type { TemplateSummary } from '../../api/contract';
import { templateHref } from './route';
import { TemplateLogo } from './TemplateLogo';

/** One template in the catalog: the whole card is a link to its page (Tab reaches it, Enter opens it). */
export function TemplateCard({ template: t, origin }: { template: TemplateSummary; origin: string }) {
  const facts = [t.version && `v${t.version}`, t.maintainer, origin, `${t.services.length} ${t.services.length === 1 ? 'service' : 'services'}`].filter(Boolean).join(' · ');
  return (
    <Card variant="outlined" component="li" aria-label={t.title} sx={{ listStyle: 'none', display: 'flex' }}>
      <CardActionArea href={templateHref(t.id)} sx={{ p: 2, display: 'flex', flexDirection: 'column', alignItems: 'stretch', justifyContent: 'flex-start', gap: 1 }}>
        <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center' }}>
          <TemplateLogo title={t.title} logo={t.logo} />
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
              {t.title}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {facts}
            </Typography>
          </Box>
        </Box>
        {t.description && (
          <Typography variant="body2" color="text.secondary" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
            {t.description}
          </Typography>
        )}
        {t.categories.length > 0 && (
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 'auto' }} aria-label="Categories">
            {t.categories.map((c) => (
              <Chip key={c} size="small" variant="outlined" label={c} />
            ))}
          </Box>
        )}
      </CardActionArea>
    </Card>
  );
}
