import { useMemo, useState } from 'react';
import { Accordion, AccordionDetails, AccordionSummary, Box, Chip, Link, MenuItem, TextField, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { plural, SEVERITIES, type ContainerAudit, type Severity } from '../../api/contract';
import { containerHref } from '../../app/useHashRoute';
import { useBerth } from '../../stores/context';
import { FindingList } from './FindingList';
import { severityColor, severityLabel } from './severity';
import { filterAudits, filterChoices, groupAudits, NO_FILTER, type FindingGroup, type GroupBy, type SecurityFilter } from './view';
import { SearchField } from '../../components/SearchField';

/** Groups open by default when there are at most this many (a long list starts folded). */
const OPEN_UP_TO = 10;

function Counts({ counts }: { counts: Record<Severity, number> }) {
  return (
    <Box sx={{ display: 'flex', gap: 0.5 }}>
      {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
        <Chip key={s} size="small" color={severityColor[s]} variant="outlined" label={`${counts[s]} ${s}`} />
      ))}
    </Box>
  );
}

function ContainerHeading({ audit }: { audit: ContainerAudit }) {
  return (
    <Typography variant="subtitle2" sx={{ mt: 1 }}>
      <Link href={containerHref(audit.id, 'security')}>{audit.name}</Link>{' '}
      <Typography component="span" variant="caption" color="text.secondary">
        {audit.image} · {audit.state}
      </Typography>
    </Typography>
  );
}

function Group({ group, by, open, onToggle }: { group: FindingGroup; by: GroupBy; open: boolean; onToggle: () => void }) {
  const single = by === 'container' ? group.audits[0] : undefined;
  return (
    <Accordion expanded={open} onChange={onToggle} disableGutters slotProps={{ transition: { unmountOnExit: true } }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-label={`${group.label}: ${plural(group.counts.high + group.counts.medium + group.counts.low, 'finding')}`}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', width: '100%' }}>
          <Typography sx={{ fontWeight: 600 }}>{group.label}</Typography>
          {single ? (
            <Typography variant="caption" color="text.secondary">
              {single.image} · {single.state}
              {single.project ? ` · project ${single.project}` : ''}
            </Typography>
          ) : (
            <Typography variant="caption" color="text.secondary">
              {plural(group.audits.length, 'container')}
            </Typography>
          )}
          <Box sx={{ ml: 'auto' }}>
            <Counts counts={group.counts} />
          </Box>
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        {group.audits.map((a) => (
          <Box key={a.id}>
            {!single && <ContainerHeading audit={a} />}
            <FindingList audit={a} />
          </Box>
        ))}
      </AccordionDetails>
    </Accordion>
  );
}

/** Every container's findings, filtered (severity, rule, project, search) and grouped by container, project or service. */
export function ContainersSecuritySection() {
  const record = useBerth((s) => s.security.items);
  const all = useMemo(() => Object.values(record), [record]);
  const [filter, setFilter] = useState<SecurityFilter>(NO_FILTER);
  const [by, setBy] = useState<GroupBy>('container');
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const choices = useMemo(() => filterChoices(all), [all]);
  const shown = useMemo(() => filterAudits(all, filter), [all, filter]);
  const groups = useMemo(() => groupAudits(shown, by), [shown, by]);
  const set = (patch: Partial<SecurityFilter>) => setFilter((f) => ({ ...f, ...patch }));
  // Open by default when few; a click flips a group from its default.
  const isOpen = (key: string) => (groups.length <= OPEN_UP_TO) !== toggled.has(`${by}:${key}`);
  const toggle = (key: string) =>
    setToggled((t) => {
      const next = new Set(t);
      if (!next.delete(`${by}:${key}`)) next.add(`${by}:${key}`);
      return next;
    });
  const select = (label: string, value: string, onChange: (v: string) => void, options: { value: string; label: string }[], width = 160) => (
    <TextField select size="small" label={label} value={value} onChange={(e) => onChange(e.target.value)} sx={{ width }}>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <SearchField label="Search findings" placeholder="Search containers, images, findings" value={filter.query} onChange={(v) => set({ query: v })} width={280} />
        {select('Severity', filter.severity, (v) => set({ severity: v as SecurityFilter['severity'] }), [{ value: 'all', label: 'All severities' }, ...SEVERITIES.map((s) => ({ value: s, label: severityLabel[s] }))], 140)}
        {select('Rule', filter.rule, (v) => set({ rule: v }), [{ value: 'all', label: 'All rules' }, ...choices.rules.map((r) => ({ value: r.id, label: r.title }))], 220)}
        {select('Project', filter.project, (v) => set({ project: v }), [{ value: 'all', label: 'All projects' }, ...choices.projects.map((p) => ({ value: p, label: p }))])}
        {select('Group by', by, (v) => setBy(v as GroupBy), [{ value: 'container', label: 'Container' }, { value: 'project', label: 'Compose project' }, { value: 'service', label: 'Swarm service' }])}
        <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
          {plural(shown.reduce((n, a) => n + a.findings.length, 0), 'finding')} in {plural(shown.length, 'container')}
        </Typography>
      </Box>
      {groups.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 2 }}>
          {all.some((a) => a.findings.length) ? 'No finding matches these filters.' : 'No findings: every container passes the rules.'}
        </Typography>
      ) : (
        <Box>
          {groups.map((g) => (
            <Group key={`${by}:${g.key}`} group={g} by={by} open={isOpen(g.key)} onToggle={() => toggle(g.key)} />
          ))}
        </Box>
      )}
    </Box>
  );
}
