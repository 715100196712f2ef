import { useEffect, useMemo, useState } from 'react';
import { Box, Button, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import RefreshIcon from '@mui/icons-material/Refresh';
import { plural, type AuditExportFormat, type AuditLogEntry, type BerthErrorData } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { startDownload } from '../../components/files/transfers';
import { ResourceGrid } from '../../components/grid/ResourceGrid';
import { nextSort, sortBy, type Sort } from '../../components/grid/sort';
import { useCall } from '../../components/useCall';
import { useBerth } from '../../stores/context';
import { ActivityDrawer } from './ActivityDrawer';
import { activityColumns, who, type ActivitySortKey } from './columns';
import { emptyFilters, filterProblem, toFilter, type FilterForm } from './filters';

const PAGE = 200;

/** Typing settles for this long before the log is queried again. */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * The audit log (admin only): every mutating call and stream opened, and web-mode sign-ins (`auth.*`), newest first, filtered by user, method
 * prefix, result and time, loaded a page at a time; a row opens its parameters; the filtered log exports as JSON
 * Lines or CSV.
 */
export function ActivityPage() {
  const client = useBerth((s) => s.client);
  const [form, setForm] = useState<FilterForm>(emptyFilters);
  const settled = useSettled(form);
  const problem = filterProblem(settled);
  const filter = useMemo(() => toFilter(settled), [settled]);
  const first = useCall(client, 'audit.list', { ...filter, limit: PAGE }, problem === null);
  // Older pages, loaded on demand for the filter they were asked for.
  const [more, setMore] = useState<{ key: string; entries: AuditLogEntry[]; next?: number; busy: boolean }>({ key: '', entries: [], busy: false });
  const key = JSON.stringify(filter);
  const extra = more.key === key ? more : { key, entries: [], busy: false };
  const entries = useMemo(() => [...(first.value?.entries ?? []), ...extra.entries], [first.value, extra.entries]);
  const next = extra.entries.length > 0 ? extra.next : first.value?.next;
  const [error, setError] = useState<BerthErrorData | null>(null);
  const [sort, setSort] = useState<Sort<ActivitySortKey>>({ key: 'at', direction: 'desc' });
  const rows = useMemo(
    () => sortBy(entries, sort, (e, k) => (k === 'at' ? e.at : k === 'ok' ? Number(e.ok) : e[k]), (e) => String(e.id).padStart(12, '0')),
    [entries, sort],
  );
  const [openId, setOpenId] = useState<number | null>(null);
  const open = entries.find((e) => e.id === openId);

  const loadMore = async () => {
    if (next === undefined) return;
    setMore({ ...extra, busy: true });
    const r = await client.call('audit.list', { ...filter, limit: PAGE, before: next });
    if (!r.ok) {
      setError(r.error);
      setMore({ ...extra, busy: false });
      return;
    }
    setMore({ key, entries: [...extra.entries, ...r.value.entries], ...(r.value.next !== undefined ? { next: r.value.next } : {}), busy: false });
  };
  const exportAs = async (format: AuditExportFormat) => {
    setError(null);
    setError(startDownload(client, await client.call('audit.export', { ...filter, format })));
  };
  const refresh = () => {
    setMore({ key: '', entries: [], busy: false });
    first.reload();
  };
  const set = (patch: Partial<FilterForm>) => setForm((f) => ({ ...f, ...patch }));
  const fieldError = (field: keyof FilterForm) => (problem?.field === field ? { error: true, helperText: problem.message } : {});

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Typography variant="h5" component="h1" sx={{ px: 2, pt: 2 }}>
        Activity
      </Typography>
      <Box component="form" role="search" aria-label="Filter activity" onSubmit={(e) => e.preventDefault()} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', p: 2, pb: 1, flexWrap: 'wrap' }}>
        <TextField size="small" label="User" value={form.user} onChange={(e) => set({ user: e.target.value })} sx={{ width: 150 }} />
        <TextField size="small" label="Action starts with" placeholder="containers. or auth." value={form.methodPrefix} onChange={(e) => set({ methodPrefix: e.target.value })} sx={{ width: 190 }} {...fieldError('methodPrefix')} />
        <TextField select size="small" label="Result" value={form.result} onChange={(e) => set({ result: e.target.value as FilterForm['result'] })} sx={{ width: 120 }}>
          <MenuItem value="all">All</MenuItem>
          <MenuItem value="ok">OK</MenuItem>
          <MenuItem value="failed">Failed</MenuItem>
        </TextField>
        <TextField size="small" type="datetime-local" label="From" value={form.from} onChange={(e) => set({ from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} {...fieldError('from')} />
        <TextField size="small" type="datetime-local" label="To" value={form.to} onChange={(e) => set({ to: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        <Button onClick={() => setForm(emptyFilters)} disabled={JSON.stringify(form) === JSON.stringify(emptyFilters)}>
          Clear
        </Button>
        <Box sx={{ display: 'flex', gap: 1, ml: 'auto' }}>
          <Button startIcon={<RefreshIcon />} onClick={refresh}>
            Refresh
          </Button>
          <Button startIcon={<DownloadIcon />} onClick={() => void exportAs('jsonl')} disabled={problem !== null}>
            Export JSON Lines
          </Button>
          <Button startIcon={<DownloadIcon />} onClick={() => void exportAs('csv')} disabled={problem !== null}>
            Export CSV
          </Button>
        </Box>
      </Box>
      <ErrorAlert error={first.error ?? error} sx={{ mx: 2, mb: 1 }} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, pb: 1 }}>
        <Typography variant="body2" color="text.secondary" role="status">
          {first.loading ? 'Loading…' : `${plural(entries.length, 'entry', 'entries')}${next !== undefined ? ' shown; older ones follow' : ''}`}
        </Typography>
        {next !== undefined && (
          <Button size="small" onClick={() => void loadMore()} disabled={extra.busy} startIcon={extra.busy ? <CircularProgress size={14} /> : undefined}>
            Load older
          </Button>
        )}
      </Box>
      {first.value && entries.length === 0 ? (
        <Typography sx={{ px: 2 }} color="text.secondary">
          {key === '{}' ? 'Nothing has been changed yet: every call that changes something, every shell opened and every sign-in is recorded here.' : 'No entry matches these filters.'}
        </Typography>
      ) : (
        <ResourceGrid
          label="Activity"
          rows={rows}
          columns={activityColumns}
          rowKey={(e) => String(e.id)}
          rowLabel={(e) => `${e.method} by ${who(e)}`}
          sort={sort}
          onSort={(k) => setSort((s) => nextSort(s, k, ['at']))}
          onOpen={(e) => setOpenId(e.id)}
        />
      )}
      {open && <ActivityDrawer entry={open} onClose={() => setOpenId(null)} />}
    </Box>
  );
}
