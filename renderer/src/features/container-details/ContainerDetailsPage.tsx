import { Alert, Box, Button, CircularProgress, Link, Tab, Tabs } from '@mui/material';
import { containerHref, hrefFor } from '../../app/useHashRoute';
import { useMayCall } from '../../components/access';
import { ErrorDetails } from '../../components/ErrorDetails';
import { DetailsHeader } from './DetailsHeader';
import { EnvTab, LabelsTab, MountsTab, NetworksTab, PortsTab } from './ConfigTabs';
import { FilesTab } from './FilesTab';
import { InspectTab } from './InspectTab';
import { LogsTab } from './logs/LogsTab';
import { OverviewTab } from './OverviewTab';
import { ProcessesTab } from './ProcessesTab';
import { StatsTab } from './StatsTab';
import { detailTabs, isDetailTab, type DetailTab, type DetailTabId } from './tabs';
import { TerminalTab } from './TerminalTab';
import { ContainerSecurityPanel } from '../security/ContainerSecurityPanel';
import { useContainerDetails, useContainerSummary } from './useContainerDetails';

/** `#/containers/<id>/<tab>`: one container, its overview, live logs, terminal, stats, files and settings. */
export function ContainerDetailsPage({ id, tab }: { id: string; tab?: string }) {
  const may = useMayCall();
  const shown = (detailTabs as readonly DetailTab[]).filter((t) => !t.requires || may(t.requires));
  const current: DetailTabId = isDetailTab(tab) && shown.some((t) => t.id === tab) ? tab : 'overview';
  const { details, error, loading, reload } = useContainerDetails(id);
  const summary = useContainerSummary(id);

  if (!details) {
    return (
      <Box sx={{ p: 2 }}>
        <Link href={hrefFor('containers')} variant="body2">
          Back to containers
        </Link>
        {error ? (
          <Alert severity="error" sx={{ mt: 1 }} action={<Button onClick={reload}>Retry</Button>}>
            Could not load container {id}: {error.message}
            <ErrorDetails details={error.details ?? error.code} />
          </Alert>
        ) : (
          loading && (
            <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1 }}>
              <CircularProgress size={18} /> Loading container…
            </Box>
          )
        )}
      </Box>
    );
  }

  const state = summary?.state ?? details.state;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <DetailsHeader details={details} {...(summary ? { summary } : {})} />
      {error && (
        <Alert severity="warning" sx={{ mx: 2 }}>
          The details may be out of date: {error.message}
        </Alert>
      )}
      <Tabs value={current} variant="scrollable" scrollButtons="auto" sx={{ px: 1, borderBottom: 1, borderColor: 'divider', minHeight: 40 }}>
        {shown.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} component="a" href={containerHref(id, t.id)} sx={{ minHeight: 40 }} />
        ))}
      </Tabs>
      <Box role="tabpanel" aria-label={detailTabs.find((t) => t.id === current)?.label} sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}>
        {current === 'overview' && <OverviewTab details={details} />}
        {current === 'logs' && <LogsTab id={details.id} name={details.name} />}
        {current === 'terminal' && <TerminalTab id={details.id} state={state} tty={details.tty && details.openStdin} />}
        {current === 'stats' && <StatsTab id={details.id} running={state === 'running'} />}
        {current === 'inspect' && <InspectTab raw={details.raw} />}
        {current === 'files' && <FilesTab id={details.id} />}
        {current === 'env' && <EnvTab details={details} />}
        {current === 'mounts' && <MountsTab details={details} />}
        {current === 'ports' && <PortsTab details={details} />}
        {current === 'networks' && <NetworksTab details={details} />}
        {current === 'labels' && <LabelsTab details={details} />}
        {current === 'processes' && <ProcessesTab id={details.id} running={state === 'running'} />}
        {current === 'security' && <ContainerSecurityPanel id={details.id} />}
      </Box>
    </Box>
  );
}
