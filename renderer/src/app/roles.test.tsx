// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok, type Role, type StackSummary } from '../api/contract';
import type { Handlers } from '../testing/fakeClient';
import { connectedStatus } from '../testing/fixtures';
import { renderWithStore, withFakeLayout, withFlowDomStandIns } from '../testing/render';
import { BuilderPage } from '../features/builder/BuilderPage';
import { ComposePage } from '../features/compose/ComposePage';
import { ProjectPage } from '../features/compose/ProjectPage';
import { detail as projectDetail, project } from '../features/compose/testing/projects';
import { SecretsTab } from '../features/swarm/secrets/SecretsTab';
import { ConfigsTab } from '../features/swarm/configs/ConfigsTab';
import { StacksTab } from '../features/swarm/stacks/StacksTab';
import { swarmData } from '../features/swarm/data/testing/fixtures';
import { managerStatus } from '../features/swarm/testing/fixtures';
import { TemplateDetailsPage } from '../features/templates/TemplateDetailsPage';
import { TemplatesPage } from '../features/templates/TemplatesPage';
import { detail as templateDetail, summary } from '../features/templates/testing/templates';

// Monaco cannot run in jsdom: the plain text area serves the editor's interface (the e2e covers Monaco).
vi.mock('../components/editor/CodeEditor', async () => ({
  CodeEditor: (await import('../components/editor/PlainTextEditor')).PlainTextEditor,
}));

withFakeLayout();

withFlowDomStandIns();

afterEach(() => {
  window.location.hash = '';
});

const as = (role: Role, handlers: Handlers): Handlers => ({
  'session.me': () => ok({ user: role === 'viewer' ? 'vera' : 'otto', role }),
  'engine.status': () => ok(connectedStatus),
  'tasks.list': () => ok([]),
  ...handlers,
});
/** The session is asked once per client: wait until the page has followed it. */
const sessionKnown = (fake: { callsOf: (m: 'session.me') => unknown[] }) => waitFor(() => expect(fake.callsOf('session.me')).toHaveLength(1));

const shop = project('shop', { status: 'stopped', containers: { running: 0, total: 2 } });

describe('What each role is offered', { timeout: 60_000 }, () => {
  it('compose: a viewer gets no project action, no Open project and no file tabs; an operator gets the actions but not the files', async () => {
    window.location.hash = '#/compose';
    const viewer = renderWithStore(<ComposePage />, as('viewer', { 'compose.projects.list': () => ok([shop]) }));
    const row = await screen.findByRole('row', { name: 'shop' });
    await sessionKnown(viewer.fake);
    await waitFor(() => expect(within(row).queryByRole('button', { name: 'Start shop' })).not.toBeInTheDocument());
    for (const action of ['Up', 'Stop', 'Restart', 'Down']) expect(within(row).queryByRole('button', { name: `${action} shop` })).not.toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Open shop' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open project…' })).not.toBeInTheDocument();
    viewer.unmount();

    const operator = renderWithStore(<ComposePage />, as('operator', { 'compose.projects.list': () => ok([shop]) }));
    const opRow = await screen.findByRole('row', { name: 'shop' });
    await sessionKnown(operator.fake);
    expect(within(opRow).getByRole('button', { name: 'Start shop' })).toBeEnabled();
    expect(within(opRow).getByRole('button', { name: 'Down shop' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Open project…' })).not.toBeInTheDocument());
    operator.unmount();

    window.location.hash = '#/compose/shop/files';
    const page = renderWithStore(
      <ProjectPage name="shop" tab="files" />,
      as('operator', { 'compose.projects.list': () => ok([shop]), 'compose.projects.get': () => ok(projectDetail(shop)) }),
    );
    expect(await screen.findByRole('button', { name: 'Up' })).toBeInTheDocument();
    await sessionKnown(page.fake);
    await waitFor(() => expect(screen.queryByRole('tab', { name: 'Files' })).not.toBeInTheDocument());
    expect(screen.queryByRole('tab', { name: 'Environment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Config' })).not.toBeInTheDocument();
    expect(screen.getByText(/Only an admin can read the compose files/)).toBeInTheDocument();
    expect(page.fake.callsOf('compose.files.browse')).toEqual([]);
  });

  it('templates: a viewer can browse and export but not import, save, deploy or remove; an operator can', async () => {
    const mine = summary('library/shop', { origin: 'library', title: 'Shop' });
    const handlers = {
      'templates.list': () => ok({ templates: [mine], categories: [], unreadable: [] }),
      'templates.catalogs.list': () => ok([]),
      'templates.get': () => ok(templateDetail(mine)),
    };
    const viewer = renderWithStore(<TemplatesPage />, as('viewer', handlers));
    expect(await screen.findByText('Shop')).toBeInTheDocument();
    await sessionKnown(viewer.fake);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Import…' })).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Remote catalogs…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save a project…' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export catalog…' })).toBeInTheDocument();
    viewer.unmount();

    window.location.hash = '#/templates/library%2Fshop/deploy';
    const details = renderWithStore(<TemplateDetailsPage id="library/shop" tab="deploy" />, as('viewer', handlers));
    expect(await screen.findByRole('heading', { name: 'Shop' })).toBeInTheDocument();
    await sessionKnown(details.fake);
    await waitFor(() => expect(screen.queryByRole('tab', { name: 'Deploy' })).not.toBeInTheDocument());
    expect(screen.queryByRole('link', { name: 'Deploy…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument();
    expect(screen.getByText(/an operator or an admin deploys templates/)).toBeInTheDocument();
    details.unmount();

    const operator = renderWithStore(<TemplateDetailsPage id="library/shop" />, as('operator', handlers));
    expect(await screen.findByRole('heading', { name: 'Shop' })).toBeInTheDocument();
    await sessionKnown(operator.fake);
    expect(screen.getByRole('tab', { name: 'Deploy' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Deploy…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove' })).toBeInTheDocument();
  });

  it('template deploy: an operator is told before deploying a template whose services have host power', async () => {
    const agent = summary('library/agent', { origin: 'library', title: 'Agent' });
    window.location.hash = '#/templates/library%2Fagent/deploy';
    const { fake } = renderWithStore(
      <TemplateDetailsPage id="library/agent" tab="deploy" />,
      as('operator', {
        'templates.get': () => ok(templateDetail(agent)),
        'templates.catalogs.list': () => ok([]),
        'templates.preview': () => ok({ projectName: 'agent', yaml: 'services:\n  agent:\n    image: x\n    network_mode: host\n', warnings: [] }),
      }),
    );
    const notice = await screen.findByRole('note', { name: 'Needs an admin' });
    expect(notice).toHaveTextContent("Service agent uses the host's network");
    expect(screen.getByRole('button', { name: 'Deploy' })).toBeDisabled();
    expect(fake.callsOf('templates.deploy')).toEqual([]);
  });

  it('app builder: a viewer drafts and exports but gets no Save or Deploy; an operator is told before deploying host power', async () => {
    const handlers = { 'images.list': () => ok([]), 'templates.list': () => ok({ templates: [], categories: [], unreadable: [] }), 'registries.list': () => ok([]), 'compose.validate': () => ok({ problems: [] }) };
    const agent = 'services:\n  agent:\n    image: x\n    pid: host\n';
    const viewer = renderWithStore(<BuilderPage />, as('viewer', handlers));
    fireEvent.change(await screen.findByRole('textbox', { name: 'compose.yaml' }), { target: { value: agent } });
    await sessionKnown(viewer.fake);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Deploy' })).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Save as template' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export compose.yaml' })).toBeEnabled();
    viewer.unmount();

    const operator = renderWithStore(<BuilderPage />, as('operator', { ...handlers, 'templates.import': () => ok({ format: 'berth', problems: [], imported: [] }) }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'compose.yaml' }), { target: { value: agent } });
    await sessionKnown(operator.fake);
    fireEvent.click(await screen.findByRole('group', { name: 'service agent' }));
    const form = await screen.findByRole('form', { name: 'Service agent' });
    expect(within(form).getByRole('note', { name: 'Needs an admin' })).toHaveTextContent("Service agent shares the host's process namespace");
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    const dialog = screen.getByRole('dialog', { name: 'Deploy' });
    expect(within(dialog).getByRole('note', { name: 'Needs an admin' })).toHaveTextContent('an operator cannot deploy it');
    expect(within(dialog).getByRole('button', { name: 'Deploy' })).toBeDisabled();
    expect(operator.fake.callsOf('templates.import')).toEqual([]);
  });

  it('stacks, secrets and configs: a viewer lists them with no deploy, update, create or remove; an operator gets them', async () => {
    const stack: StackSummary = { name: 'shop', services: 1, running: 1, desired: 1, networks: 1, secrets: 0, configs: 0, orchestrator: 'swarm', createdAt: 1 };
    const swarm = { 'swarm.status': () => ok(managerStatus), 'stacks.list': () => ok([stack]), 'secrets.list': () => ok([swarmData('db_password')]), 'configs.list': () => ok([swarmData('nginx_conf')]) };
    for (const role of ['viewer', 'operator'] as const) {
      const shown = role === 'operator';
      const stacks = renderWithStore(<StacksTab />, as(role, swarm));
      const row = await screen.findByRole('row', { name: 'shop' });
      await sessionKnown(stacks.fake);
      await waitFor(() => expect(screen.queryAllByRole('button', { name: 'Deploy stack' })).toHaveLength(shown ? 1 : 0));
      expect(within(row).queryAllByRole('button', { name: /^(Update|Remove) shop$/ })).toHaveLength(shown ? 2 : 0);
      stacks.unmount();

      for (const [Tab, name, noun] of [[SecretsTab, 'db_password', 'secret'], [ConfigsTab, 'nginx_conf', 'config']] as const) {
        const tab = renderWithStore(<Tab />, as(role, swarm));
        const item = await screen.findByRole('row', { name });
        await sessionKnown(tab.fake);
        await waitFor(() => expect(screen.queryAllByRole('button', { name: `Create ${noun}` })).toHaveLength(shown ? 1 : 0));
        expect(within(item).queryAllByRole('button', { name: `Remove ${name}` })).toHaveLength(shown ? 1 : 0);
        expect(within(item).getByRole('button', { name: `Details ${name}` })).toBeInTheDocument();
        tab.unmount();
      }
    }
  });
});
