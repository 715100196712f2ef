import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, FormControlLabel, Link, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import type { BerthErrorData, TemplateDetail } from '../../api/contract';
import { CodeEditor } from '../../components/editor/CodeEditor';
import { useHostPowerDenials } from '../../components/access';
import { useDeployItems } from '../../components/deployItems';
import { ErrorDetails } from '../../components/ErrorDetails';
import { HostPowerNotice } from '../../components/HostPowerNotice';
import { TaskPanel } from '../../components/task/TaskPanel';
import { useTaskInfo } from '../../components/task/useTaskInfo';
import { useUnsavedChanges } from '../../components/unsaved/useUnsavedChanges';
import { useBerth } from '../../stores/context';
import { ProjectTaskPanel, useProjectTask } from '../compose/ProjectTask';
import { swarmHref } from '../swarm/tabs';
import { ParameterField } from './ParameterField';
import { initialValues, projectNameProblem, valueProblems } from './params';
import { composeProjectHref } from './route';
import { usePreview } from './usePreview';

/** The project name a deploy uses unless the user types another (the backend's default: the template's name). */
export const defaultProjectName = (id: string): string => (id.split('/').pop() ?? 'app').replace(/\./g, '-');

/** Problems the backend attached to a refused preview or deploy, by parameter (`details.problems`). */
function backendProblems(error: BerthErrorData | undefined): Record<string, string> {
  const list = (error?.details as { problems?: { parameter?: unknown; message?: unknown }[] } | undefined)?.problems;
  if (!Array.isArray(list)) return {};
  return Object.fromEntries(list.filter((p) => typeof p.parameter === 'string' && typeof p.message === 'string').map((p) => [p.parameter as string, p.message as string]));
}

/**
 * Deploys a template: a form generated from its parameters (checked as the user types), the project name and
 * target, a live preview of the resolved compose file, then the compose up task's progress and a link to the
 * app under Compose. What was typed is guarded until it is deployed.
 */
export function DeployForm({ detail }: { detail: TemplateDetail }) {
  const client = useBerth((s) => s.client);
  const track = useBerth((s) => s.trackComposeTask);
  const { id, title } = detail.summary;
  const initial = useMemo(() => initialValues(detail.parameters), [detail.parameters]);
  const [values, setValues] = useState(initial);
  const [projectName, setProjectName] = useState(() => defaultProjectName(id));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [deploying, setDeploying] = useState(false);
  const [deployError, setDeployError] = useState<BerthErrorData | null>(null);
  const [deployed, setDeployed] = useState<string | null>(null);
  const task = useProjectTask(deployed ?? '');
  // A swarm stack is offered only while this engine is a swarm manager (stacks are deployed through one).
  const swarmManager = useBerth((s) => s.swarm.status?.isManager === true && s.swarm.status.state === 'active');
  const [target, setTarget] = useState<'compose' | 'stack'>('compose');
  const asStack = target === 'stack' && swarmManager;
  const [stackTaskId, setStackTaskId] = useState<string>();
  const stackTask = useTaskInfo(stackTaskId);

  const problems = valueProblems(detail.parameters, values);
  const nameProblem = projectNameProblem(projectName);
  const valid = Object.keys(problems).length === 0 && !nameProblem;
  const preview = usePreview(client, id, values, projectName, valid);
  const fromBackend = backendProblems(preview.state === 'failed' ? preview.error : (deployError ?? undefined));
  const dirty = deployed === null && stackTaskId === undefined && (projectName !== defaultProjectName(id) || Object.keys(values).some((k) => values[k] !== initial[k]));
  useUnsavedChanges(dirty, `the deploy form of ${title}`);

  const set = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((t) => ({ ...t, [name]: true }));
  };

  const deploy = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!valid || deploying) return;
    setDeploying(true);
    setDeployError(null);
    const r = await client.call('templates.deploy', { id, values, projectName, target: asStack ? 'stack' : 'compose' });
    setDeploying(false);
    if (!r.ok) return setDeployError(r.error);
    if (asStack) return setStackTaskId(r.value.taskId);
    track(r.value.projectName, { taskId: r.value.taskId, action: 'up' });
    setDeployed(r.value.projectName);
  };

  const shownPreview = preview.state === 'ready' ? preview.preview : preview.state !== 'idle' ? preview.last : undefined;
  // What the server would refuse this role (host power in the resolved file), told before Deploy.
  const denials = useHostPowerDenials(useDeployItems(preview.state === 'ready' ? preview.preview.yaml : ''));
  return (
    <Box component="form" noValidate onSubmit={(e) => void deploy(e)} aria-label={`Deploy ${title}`} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(320px, 1fr) minmax(360px, 1.2fr)' }, gap: 3, p: 2 }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h6" component="h2">
          Parameters
        </Typography>
        {detail.parameters.length === 0 && <Typography color="text.secondary">This template has no parameters.</Typography>}
        {detail.parameters.map((p) => (
          <ParameterField
            key={p.name}
            parameter={p}
            value={values[p.name] ?? ''}
            problem={touched[p.name] || submitted ? (problems[p.name] ?? fromBackend[p.name]) : undefined}
            onChange={(v) => set(p.name, v)}
          />
        ))}
        <Typography variant="h6" component="h2" sx={{ mt: 1 }}>
          Where
        </Typography>
        <TextField size="small" label="Project name" required value={projectName} onChange={(e) => setProjectName(e.target.value)} error={Boolean(nameProblem)} helperText={nameProblem ?? (asStack ? 'The stack is listed under Swarm → Stacks by this name.' : 'The app is listed under Compose by this name.')} />
        {swarmManager && (
          <RadioGroup aria-label="Target" value={target} onChange={(e) => setTarget(e.target.value === 'stack' ? 'stack' : 'compose')}>
            <FormControlLabel value="compose" control={<Radio />} label="This engine (a compose project)" />
            <FormControlLabel value="stack" control={<Radio />} label="A swarm stack (services across the swarm's nodes)" />
          </RadioGroup>
        )}
        {deployError && !Object.keys(fromBackend).length && (
          <Alert severity="error">
            {deployError.message}
            <ErrorDetails details={deployError.details} />
          </Alert>
        )}
        {submitted && !valid && <Alert severity="error">Fix the highlighted fields to deploy.</Alert>}
        <HostPowerNotice denials={denials} />
        <Box>
          <Button type="submit" variant="contained" startIcon={deploying ? <CircularProgress size={16} color="inherit" /> : <RocketLaunchIcon />} disabled={deploying || (!asStack && denials.length > 0) || task?.state === 'running' || stackTask?.state === 'running'}>
            Deploy
          </Button>
        </Box>
        {stackTask && (
          <Box>
            <TaskPanel task={stackTask} />
            <Link href={swarmHref('stacks')} sx={{ display: 'inline-block', mt: 1 }}>
              open the stack under Swarm → Stacks
            </Link>
          </Box>
        )}
        {deployed && (
          <Box>
            <ProjectTaskPanel project={deployed} />
            <Typography sx={{ mt: 1 }}>
              {task?.state === 'succeeded' ? 'Deployed: ' : 'The app: '}
              <Link href={composeProjectHref(deployed)}>open {deployed} under Compose</Link>
            </Typography>
          </Box>
        )}
      </Box>
      <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 360 }}>
        <Typography variant="h6" component="h2" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          Preview {preview.state === 'loading' && <CircularProgress size={14} aria-label="Updating the preview" />}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          The compose file the deploy runs, with these values.
        </Typography>
        {!valid && <Alert severity="info">Fill in the fields marked as needed to see the resolved compose file.</Alert>}
        {preview.state === 'failed' && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {preview.error.message}
            <ErrorDetails details={preview.error.details} />
          </Alert>
        )}
        {shownPreview?.warnings.map((w) => (
          <Alert key={w} severity="warning" sx={{ mb: 1 }}>
            {w}
          </Alert>
        ))}
        {valid && shownPreview && (
          <Box sx={{ flex: 1, minHeight: 320, border: 1, borderColor: 'divider' }}>
            <CodeEditor value={shownPreview.yaml} language="yaml" readOnly path={`template-preview/${id}.yaml`} ariaLabel="Resolved compose file" />
          </Box>
        )}
      </Box>
    </Box>
  );
}
