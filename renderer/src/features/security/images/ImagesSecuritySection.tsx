import { useMemo, useState } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Chip,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { plural, SEVERITIES, type ImageAudit, type Severity } from '../../../api/contract';
import { useBerth } from '../../../stores/context';
import { severityColor, severityLabel } from '../severity';
import { ImageSecurityPanel } from './ImageSecurityPanel';
import { filterImageAudits, imageName, imageRuleChoices } from './view';
import { SearchField } from '../../../components/SearchField';

/** Images open by default when there are at most this many. */
const OPEN_UP_TO = 10;

function Counts({ audit }: { audit: ImageAudit }) {
  return (
    <Box sx={{ display: 'flex', gap: 0.5 }}>
      {SEVERITIES.map((s) => [s, audit.findings.filter((f) => f.severity === s).length] as const)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => (
          <Chip key={s} size="small" color={severityColor[s]} variant="outlined" label={`${n} ${s}`} />
        ))}
    </Box>
  );
}

/** Every image's findings (CIS section 4), filtered by severity, rule and search, each with its deep scan. */
export function ImagesSecuritySection() {
  const record = useBerth((s) => s.imageSecurity.items);
  const loaded = useBerth((s) => s.imageSecurity.loaded);
  const all = useMemo(() => Object.values(record), [record]);
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [rule, setRule] = useState('all');
  const [query, setQuery] = useState('');
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const rules = useMemo(() => imageRuleChoices(all), [all]);
  const shown = useMemo(
    () => filterImageAudits(all, { severity, rule, query }),
    [all, severity, rule, query],
  );
  const isOpen = (id: string) => shown.length <= OPEN_UP_TO !== toggled.has(id);
  const toggle = (id: string) =>
    setToggled((t) => {
      const next = new Set(t);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <SearchField label="Search image findings" placeholder="Search images, findings" value={query} onChange={setQuery} width={280} />
        <TextField
          select
          size="small"
          label="Image severity"
          value={severity}
          onChange={(e) => setSeverity(e.target.value as Severity | 'all')}
          sx={{ width: 160 }}
        >
          {[
            { value: 'all', label: 'All severities' },
            ...SEVERITIES.map((s) => ({ value: s, label: severityLabel[s] })),
          ].map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Image rule"
          value={rule}
          onChange={(e) => setRule(e.target.value)}
          sx={{ width: 220 }}
        >
          {[{ id: 'all', title: 'All rules' }, ...rules].map((r) => (
            <MenuItem key={r.id} value={r.id}>
              {r.title}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
          {shown.length} of {plural(all.length, 'image')} shown
        </Typography>
      </Box>
      {!loaded ? (
        <Typography color="text.secondary">Checking images…</Typography>
      ) : shown.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 2 }}>
          {all.some((a) => a.findings.length)
            ? 'No image finding matches these filters.'
            : 'No findings: every image passes the rules.'}
        </Typography>
      ) : (
        <Box>
          {shown.map((a) => (
            <Accordion
              key={a.id}
              expanded={isOpen(a.id)}
              onChange={() => toggle(a.id)}
              disableGutters
              slotProps={{ transition: { unmountOnExit: true } }}
            >
              <AccordionSummary
                expandIcon={<ExpandMoreIcon />}
                aria-label={`${imageName(a)}: ${plural(a.findings.length, 'finding')}`}
              >
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', width: '100%' }}>
                  <Typography sx={{ fontWeight: 600 }}>{imageName(a)}</Typography>
                  {a.tags.length > 1 && (
                    <Typography variant="caption" color="text.secondary">
                      also {a.tags.slice(1).join(', ')}
                    </Typography>
                  )}
                  <Box sx={{ ml: 'auto' }}>
                    <Counts audit={a} />
                  </Box>
                </Box>
              </AccordionSummary>
              <AccordionDetails sx={{ p: 0 }}>
                <ImageSecurityPanel id={a.id} name={imageName(a)} />
              </AccordionDetails>
            </Accordion>
          ))}
        </Box>
      )}
    </Box>
  );
}
