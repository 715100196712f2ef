import { useState } from 'react';
import { Alert, Box, CircularProgress, Link, Tab, Tabs } from '@mui/material';
import { ErrorCode, type ComposeSource, type MethodName } from '../../api/contract';
import { useMayCall } from '../../components/access';
import { ErrorDetails } from '../../components/ErrorDetails';
import { KeepMounted, useShownSoFar } from '../../components/KeepMounted';
import { useBerth } from '../../stores/context';
import { sourceOf, type ComposeActionDef } from './actions';
import { ConfigTab } from './ConfigTab';
import { ConfirmDownDialog } from './ConfirmDownDialog';
import { useConfigCheck } from './ConfigCheck';
import { EnvTab } from './EnvTab';
import { FilesTab } from './FilesTab';
import { LogsTab } from './LogsTab';
import { ProjectHeader } from './ProjectHeader';
import { ProjectTaskPanel, useProjectTask } from './ProjectTask';
import { navigate, projectHref, projectsHref, projectTabs, type ProjectTab } from './route';
import { ServicesTab } from './ServicesTab';
import { UpOptionsDialog } from './UpOptionsDialog';
import { failureTitle, useComposeActions } from './useComposeActions';
import { useProjectDetail } from './useProjectDetail';

const tabLabels: Record<ProjectTab, string> = { services: 'Services', logs: 'Logs', config: 'Config', files: 'Files', environment: 'Environment' };
const needsFiles: ProjectTab[] = ['config', 'files', 'environment'];
/** Reading a project's files is admin-level (they can hold secrets, ADR 18): other roles do not see these tabs. */
const tabMethod: Partial<Record<ProjectTab, MethodName>> = { config: 'compose.config', files: 'compose.files.read', environment: 'compose.env.read' };

function UpWithOptions({ name, source, onUp, onCancel }: { name: string; source: ComposeSource; onUp: Parameters<typeof UpOptionsDialog>[0]['onUp']; onCancel: () => void }) {
  const check = useConfigCheck(source);
  return <UpOptionsDialog project={name} profiles={check?.state === 'valid' ? check.config.profiles : []} onUp={onUp} onCancel={onCancel} />;
}

/** One compose project: header with actions and progress, then Services, Logs, Config, Files, Environment. */
export function ProjectPage({ name, tab }: { name: string; tab: ProjectTab }) {
  const summary = useBerth((s) => s.composeProjects.items[name]);
  const task = useProjectTask(name);
  const detail = useProjectDetail(name, summary, task);
  const { run, scale, failure, dismissFailure } = useComposeActions();
  const [confirmDown, setConfirmDown] = useState(false);
  const [upOptions, setUpOptions] = useState(false);
  // Files and Environment hold drafts: once opened they stay mounted (hidden) until the page is left.
  const shownTabs = useShownSoFar(tab);

  const shown = detail.phase === 'ready' ? detail.detail : undefined;
  const projectSummary = summary ?? shown?.summary;
  const source = shown?.source ?? (projectSummary ? sourceOf(projectSummary) : undefined);
  const busy = task?.state === 'running';
  const may = useMayCall();
  const tabs = projectTabs.filter((t) => !tabMethod[t] || may(tabMethod[t]));
  const mayReadFiles = tabs.includes('files');
  const tabShown = tabs.includes(tab);

  if (detail.phase === 'failed' && !summary) {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity={detail.error.code === ErrorCode.NOT_FOUND ? 'info' : 'error'}>
          {detail.error.code === ErrorCode.NOT_FOUND
            ? `There is no compose project named ${name} on this engine (it may have been taken down). `
            : `Could not load ${name}: ${detail.error.message} `}
          <Link href={projectsHref}>Back to the projects</Link>
          <ErrorDetails details={detail.error.details} />
        </Alert>
      </Box>
    );
  }

  const onAction = (action: ComposeActionDef) => {
    if (action.confirms) setConfirmDown(true);
    else void run({ name }, action.id, { source });
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <ProjectHeader name={name} summary={projectSummary} source={source} busy={busy} onAction={onAction} onUpWithOptions={() => setUpOptions(true)} />
      <Box sx={{ px: 2, pt: 1, display: 'flex', flexDirection: 'column', gap: 1 }}>
        {failure && (
          <Alert severity="error" onClose={dismissFailure}>
            {failureTitle(failure)}: {failure.error.message}
            <ErrorDetails details={failure.error.details} />
          </Alert>
        )}
        <ProjectTaskPanel project={name} />
        {!source && projectSummary && mayReadFiles && (
          <Alert severity="info">
            Berth does not know where the compose files of {name} are, so Config, Files and Environment are not
            available. Open the project&apos;s folder with Open project… on the Compose page to use them.
          </Alert>
        )}
      </Box>
      <Tabs value={tabShown ? tab : false} onChange={(_e, v: ProjectTab) => navigate(projectHref(name, v))} aria-label="Project views" sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
        {tabs.map((t) => (
          <Tab key={t} value={t} label={tabLabels[t]} disabled={!source && needsFiles.includes(t)} />
        ))}
      </Tabs>
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}>
        {!tabShown && (
          <Alert severity="info" sx={{ m: 2 }}>
            Only an admin can read the compose files of a project (they can hold secrets).{' '}
            <Link href={projectHref(name)}>Show the services</Link>
          </Alert>
        )}
        {tab === 'services' &&
          (shown ? (
            <ServicesTab
              services={shown.services}
              canScale={source !== undefined && may('compose.scale')}
              busy={busy}
              onScale={(service, replicas) => void scale(name, service, replicas)}
            />
          ) : detail.phase === 'failed' ? (
            <Alert severity="error" sx={{ m: 2 }}>
              Could not load the services of {name}: {detail.error.message}
              <ErrorDetails details={detail.error.details} />
            </Alert>
          ) : (
            <Box role="status" sx={{ display: 'flex', gap: 1, p: 2, alignItems: 'center' }}>
              <CircularProgress size={16} /> Loading services…
            </Box>
          ))}
        {tab === 'logs' && <LogsTab project={name} />}
        {tab === 'config' && tabShown && source && <ConfigTab source={source} />}
        {source && mayReadFiles && shownTabs.has('files') && (
          <KeepMounted key={`files:${source.workingDir}`} shown={tab === 'files'}>
            <FilesTab source={source} active={tab === 'files'} onSaved={dismissFailure} />
          </KeepMounted>
        )}
        {source && tabs.includes('environment') && shownTabs.has('environment') && (
          <KeepMounted key={`env:${source.workingDir}`} shown={tab === 'environment'}>
            <EnvTab workingDir={source.workingDir} active={tab === 'environment'} onSaved={dismissFailure} />
          </KeepMounted>
        )}
      </Box>
      {confirmDown && projectSummary && (
        <ConfirmDownDialog
          project={projectSummary}
          onCancel={() => setConfirmDown(false)}
          onConfirm={(down) => {
            setConfirmDown(false);
            void run({ name }, 'down', { down });
          }}
        />
      )}
      {upOptions && source && (
        <UpWithOptions
          name={name}
          source={source}
          onCancel={() => setUpOptions(false)}
          onUp={(up) => {
            setUpOptions(false);
            void run({ name }, 'up', { source, up });
          }}
        />
      )}
    </Box>
  );
}
