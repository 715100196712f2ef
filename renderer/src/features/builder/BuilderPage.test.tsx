// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ErrorCode, fail, ok, type ImageSummary, type TemplateDetail } from '../../api/contract';
import { connectedStatus } from '../../testing/fixtures';
import { renderWithStore, withFakeLayout, withFlowDomStandIns } from '../../testing/render';
import { BuilderPage } from './BuilderPage';

// Monaco cannot run in jsdom: the plain text area serves the editor's interface (the e2e covers Monaco).
vi.mock('../../components/editor/CodeEditor', async () => ({
  CodeEditor: (await import('../../components/editor/PlainTextEditor')).PlainTextEditor,
}));

withFakeLayout();

withFlowDomStandIns();

afterEach(() => {
  window.location.hash = '';
});

const image = (tag: string): ImageSummary => ({ id: `sha256:${tag}`, repoTags: [tag], repoDigests: [], size: 1, created: 1, containers: [], dangling: false, labels: {} });

function setup(extra: Parameters<typeof renderWithStore>[1] = {}) {
  const deploy = vi.fn(() => ok({ taskId: 't1', projectName: 'shop' }));
  const imported = vi.fn((p: { source: unknown; name?: string }) =>
    ok({ format: 'berth' as const, problems: [], imported: [{ id: `library/${p.name}`, origin: 'library' as const, title: 'Shop', categories: [], services: ['web'], parameters: 0 }] }),
  );
  const r = renderWithStore(<BuilderPage />, {
    'engine.status': () => ok(connectedStatus),
    'images.list': () => ok([image('busybox:1'), image('team/api:2')]),
    'tasks.list': () => ok([]),
    'templates.list': () => ok({ templates: [], categories: [], unreadable: [] }),
    'registries.list': () => ok([]),
    'registries.tags': () => fail(ErrorCode.ENGINE_UNREACHABLE, 'offline'),
    'compose.validate': () => ok({ problems: [] }),
    'templates.import': imported,
    'templates.deploy': deploy,
    ...extra,
  });
  return { ...r, deploy, imported };
}

const yaml = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'compose.yaml' }).value;
const palette = () => screen.getByRole('navigation', { name: 'Palette' });

// MUI and the canvas render slowly in jsdom on a busy machine.
describe('BuilderPage', { timeout: 60_000 }, () => {
  it('adds an image from the palette with the keyboard, edits it in the inspector, and undoes', async () => {
    setup();
    const item = await within(palette()).findByRole('button', { name: 'Add busybox:1' });
    // Enter on a palette item is the keyboard's drag and drop.
    fireEvent.keyDown(item, { key: 'Enter' });
    await waitFor(() => expect(yaml()).toContain('busybox:\n    image: busybox:1'));
    expect(screen.getByRole('group', { name: 'service busybox' })).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Service busybox' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Ports' }), { target: { value: '8080:80' } });
    expect(yaml()).toContain('ports:\n      - 8080:80');
    expect(screen.getByText('unsaved changes')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(yaml()).not.toContain('8080:80');
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(yaml()).toContain('8080:80');
  });

  it('connects two services with the Connect to… menu', async () => {
    setup();
    fireEvent.click(await within(palette()).findByRole('button', { name: 'Add busybox:1' }));
    fireEvent.click(within(palette()).getByRole('button', { name: 'Add team/api:2' }));
    const form = await screen.findByRole('form', { name: 'Service api' });
    fireEvent.click(within(form).getByRole('button', { name: 'Connect to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'busybox (depends on)' }));
    expect(yaml()).toContain('depends_on:\n      - busybox');
    expect(screen.getByRole('status')).toHaveTextContent('api now depends on busybox');
    expect(await screen.findByRole('form', { name: 'Connection api to busybox' })).toBeInTheDocument();
  });

  it('YAML edits change the canvas; invalid YAML keeps the last good canvas; problems show on the node', async () => {
    setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'compose.yaml' }), { target: { value: 'services:\n  a: {image: x, ports: ["80:80"]}\n  b: {image: y, ports: ["80:80"]}\n' } });
    expect(await screen.findByRole('group', { name: 'service a' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'service b' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Problems' })).getByText('Port 80:80 of b is already published by a')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'service b' })).getByLabelText(/1 problem/)).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'compose.yaml' }), { target: { value: 'services:\n  a: {image: x\n' } });
    expect(await screen.findByText(/The canvas shows the last valid version/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'service b' })).toBeInTheDocument();
  });

  it("warns in the inspector about a service's risky settings, also ones only the YAML sets", async () => {
    setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'compose.yaml' }), {
      target: { value: 'services:\n  agent:\n    image: x\n    privileged: true\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n' },
    });
    fireEvent.click(await screen.findByRole('group', { name: 'service agent' }));
    const form = await screen.findByRole('form', { name: 'Service agent' });
    const note = within(form).getByRole('note');
    expect(within(note).getByText('Risky settings for service agent')).toBeInTheDocument();
    expect(within(note).getByText('Privileged container')).toBeInTheDocument();
    expect(within(note).getByText('Container engine socket mounted')).toBeInTheDocument();
  });

  it('opens a template from the route and deploys it as a library template', async () => {
    window.location.hash = '#/builder/library%2Fshop';
    const detail: TemplateDetail = {
      summary: { id: 'library/shop', origin: 'library', title: 'Shop', categories: [], services: ['web'], parameters: 1 },
      metadata: { title: 'Shop', categories: [] },
      parameters: [],
      compose: 'x-berth:\n  title: Shop\nservices:\n  web:\n    image: busybox:1\n    environment:\n      GREETING: ${GREETING:-hi}\n',
    };
    const { deploy, imported } = setup({ 'templates.get': () => ok(detail) });
    expect(await screen.findByRole('group', { name: 'service web' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Deploy' }));
    const dialog = screen.getByRole('dialog', { name: 'Deploy' });
    expect(within(dialog).getByRole('textbox', { name: 'Template title' })).toHaveValue('Shop');
    expect(within(dialog).getByRole('textbox', { name: 'GREETING' })).toHaveValue('hi');
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(deploy).toHaveBeenCalledWith({ id: 'library/shop', values: { GREETING: 'hi' }, projectName: 'shop', target: 'compose' }));
    const source = (imported.mock.calls[0]?.[0] as { source: { text: string } }).source.text;
    expect(source).toContain('parameters:\n    GREETING:');
    expect(await within(dialog).findByRole('link', { name: 'Open shop under Compose' })).toHaveAttribute('href', '#/compose/shop');
  });

  it('unmounts a volume and disconnects a network from the inspector, and the YAML follows', async () => {
    setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'compose.yaml' }), {
      target: { value: 'services:\n  web:\n    image: w\n    volumes: ["data:/srv"]\n    networks: [front]\n  db:\n    image: d\n    volumes: ["data:/var/lib/db"]\nvolumes:\n  data:\nnetworks:\n  front:\n' },
    });
    fireEvent.click(await screen.findByRole('group', { name: 'volume data' }));
    const users = await screen.findByRole('list', { name: 'Services using data' });
    expect(within(users).getByText('mounts data at /var/lib/db')).toBeInTheDocument();
    fireEvent.click(within(users).getByRole('button', { name: 'Unmount db' }));
    expect(yaml()).toContain('  db:\n    image: d\n');
    expect(yaml()).not.toContain('/var/lib/db');
    expect(yaml()).toContain('data:/srv');
    expect(screen.getByRole('status')).toHaveTextContent('Removed db – data');
    // The volume stays selected with its remaining user.
    expect(within(screen.getByRole('list', { name: 'Services using data' })).getAllByRole('listitem')).toHaveLength(1);

    fireEvent.click(screen.getByRole('group', { name: 'network front' }));
    fireEvent.click(within(await screen.findByRole('list', { name: 'Services using front' })).getByRole('button', { name: 'Disconnect web' }));
    expect(yaml()).not.toContain('networks: [front]');
    expect(yaml()).toContain('networks:\n  front:');
    expect(await screen.findByText('Not used yet: connect a service to it.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(yaml()).toContain('networks: [front]');
  });
});
