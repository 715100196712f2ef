import { useState } from 'react';
import { Alert, Box, CircularProgress, Link, Tab, Tabs } from '@mui/material';
import { ErrorCode, type BerthErrorData } from '../../api/contract';
import { useMay } from '../../components/access';
import { CodeEditor } from '../../components/editor/CodeEditor';
import { DangerDialog } from '../../components/DangerDialog';
import { downloadText } from '../../components/download';
import { ErrorDetails } from '../../components/ErrorDetails';
import { KeepMounted, useShownSoFar } from '../../components/KeepMounted';
import { useCall } from '../../components/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBerth } from '../../stores/context';
import { DeployForm } from './DeployForm';
import { originLabel } from './filter';
import { OverviewTab } from './OverviewTab';
import { isTemplateTab, templateHref, templatesHref, templateTabs, type TemplateTab } from './route';
import { TemplateHeader } from './TemplateHeader';

const tabLabels: Record<TemplateTab, string> = { overview: 'Overview', files: 'compose.yaml', deploy: 'Deploy' };

/** One template (`#/templates/<id>[/<tab>]`): overview with documentation, its compose file, and the deploy form. */
export function TemplateDetailsPage({ id, tab: rawTab }: { id: string; tab?: string | undefined }) {
  const tab: TemplateTab = isTemplateTab(rawTab) ? rawTab : 'overview';
  const client = useBerth((s) => s.client);
  const notify = useBerth((s) => s.notify);
  const detail = useCall(client, 'templates.get', { id });
  const catalogs = useCall(client, 'templates.catalogs.list', {});
  const shownTabs = useShownSoFar(tab);
  const [actionError, setActionError] = useState<BerthErrorData | null>(null);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<BerthErrorData | null>(null);
  const mayDeploy = useMay('templates.deploy');
  const tabs = templateTabs.filter((t) => t !== 'deploy' || mayDeploy);

  const d = detail.value;
  if (detail.error) {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity={detail.error.code === ErrorCode.NOT_FOUND ? 'info' : 'error'}>
          {detail.error.code === ErrorCode.NOT_FOUND ? `There is no template ${id} (it may have been removed). ` : `Could not load ${id}: ${detail.error.message} `}
          <Link href={templatesHref}>Back to the templates</Link>
          <ErrorDetails details={detail.error.details} />
        </Alert>
      </Box>
    );
  }
  if (!d) {
    return (
      <Box role="status" sx={{ display: 'flex', gap: 1, p: 2, alignItems: 'center' }}>
        <CircularProgress size={18} /> Loading the template…
      </Box>
    );
  }

  const slug = id.split('/').pop() ?? 'template';
  const exportAs = async (as: 'file' | 'folder') => {
    setActionError(null);
    const r = await client.call('templates.export', { id, as });
    if (!r.ok) return setActionError(r.error);
    // Without a zip library the browser saves a folder's files one by one, named after the template.
    for (const f of r.value) downloadText(as === 'file' ? `${slug}.compose.yaml` : `${slug}-${f.path}`, f.content, f.path.endsWith('.md') ? 'text/markdown' : 'application/yaml');
    if (as === 'folder') notify('info', `Saved ${r.value.map((f) => `${slug}-${f.path}`).join(' and ')}: put them in a folder named ${slug} (without the "${slug}-" prefix) to share it as a template folder.`);
  };
  const remove = async () => {
    setRemoveError(null);
    const r = await client.call('templates.remove', { id });
    if (!r.ok) return setRemoveError(r.error);
    setRemoving(false);
    notify('success', `Removed ${d.summary.title} from your library.`);
    window.location.hash = templatesHref;
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <TemplateHeader detail={d} origin={originLabel(d.summary, catalogs.last ?? [])} onExport={(as) => void exportAs(as)} onRemove={() => setRemoving(true)} />
      <ErrorAlert error={actionError} sx={{ mt: 1, mx: 2 }} />
      <Tabs value={tabs.includes(tab) ? tab : false} onChange={(_e, v: TemplateTab) => (window.location.hash = templateHref(id, v))} aria-label="Template views" sx={{ px: 2, mt: 1, borderBottom: 1, borderColor: 'divider' }}>
        {tabs.map((t) => (
          <Tab key={t} value={t} label={tabLabels[t]} />
        ))}
      </Tabs>
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}>
        {tab === 'overview' && <OverviewTab detail={d} />}
        {tab === 'files' && (
          <Box sx={{ flex: 1, minHeight: 320 }}>
            <CodeEditor value={d.compose} language="yaml" readOnly path={`templates/${id}/compose.yaml`} ariaLabel="compose.yaml of the template" />
          </Box>
        )}
        {tab === 'deploy' && !mayDeploy && (
          <Alert severity="info" sx={{ m: 2 }}>
            You are signed in as a viewer: an operator or an admin deploys templates.
          </Alert>
        )}
        {mayDeploy && shownTabs.has('deploy') && (
          <KeepMounted shown={tab === 'deploy'}>
            <DeployForm key={id} detail={d} />
          </KeepMounted>
        )}
      </Box>
      {removing && (
        <DangerDialog
          id="remove-template"
          title={`Remove ${d.summary.title} from your library?`}
          lost={`Its file (${id}/compose.yaml) is deleted. Apps you deployed from it keep running under Compose; export it first to keep a copy.`}
          confirmLabel="Remove"
          error={removeError}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(false)}
        />
      )}
    </Box>
  );
}
