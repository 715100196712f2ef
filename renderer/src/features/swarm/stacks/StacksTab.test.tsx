// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { fail, ok, type StackDetails, type StackPreview, type StackSummary } from '../../../api/contract';
import { connectedStatus } from '../../../testing/fixtures';
import { renderWithStore, withFakeLayout } from '../../../testing/render';
import { managerStatus, swarmService } from '../testing/fixtures';
import { parseEnvLines } from './DeployStackDialog';
import { StacksTab } from './StacksTab';

vi.mock('../../../components/editor/CodeEditor', async () => ({
  CodeEditor: (await import('../../../components/editor/PlainTextEditor')).PlainTextEditor,
}));

withFakeLayout();

const shop: StackSummary = { name: 'shop', services: 2, running: 2, desired: 3, networks: 1, secrets: 1, configs: 0, orchestrator: 'swarm', createdAt: Date.UTC(2026, 11, 7) };
const details: StackDetails = {
  ...shop,
  serviceItems: [swarmService('shop_web', { stack: 'shop' })],
  networkItems: [{ id: 'n1', name: 'shop_default', driver: 'overlay', scope: 'swarm', labels: {} }],
  secretItems: [{ id: 's1', name: 'shop_token', labels: {} }],
  configItems: [],
  compose: 'services:\n  web:\n    image: nginx:1\n',
};
const preview: StackPreview = {
  name: 'blog',
  items: [
    { kind: 'network', name: 'blog_default', action: 'create', detail: 'overlay' },
    { kind: 'service', name: 'blog_web', action: 'create', detail: 'nginx:1, 1 replica' },
  ],
  warnings: ['Ignoring unsupported options: build (service web): Swarm cannot build; build and push the image first, then deploy'],
};
const setup = (handlers = {}) =>
  renderWithStore(<StacksTab />, {
    'engine.status': () => ok(connectedStatus),
    'swarm.status': () => ok(managerStatus),
    'stacks.list': () => ok([shop]),
    'stacks.inspect': () => ok(details),
    'stacks.preview': () => ok(preview),
    'stacks.deploy': () => ok({ taskId: 't1', name: 'blog' }),
    'stacks.remove': () => ok({ taskId: 't2' }),
    ...handlers,
  });

describe('Swarm stacks', { timeout: 120_000 }, () => {
  it('lists stacks with running/desired tasks and removes one after a confirmation that says what is lost', async () => {
    const { fake, user } = setup();
    const row = await screen.findByRole('row', { name: 'shop' });
    expect(within(row).getByText('2/3')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Remove shop' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove stack shop?' });
    expect(within(dialog).getByText(/2 services \(2 running tasks\) stop/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove stack' }));
    expect(fake.callsOf('stacks.remove')).toEqual([{ name: 'shop' }]);
  });

  it('previews a new stack (objects and ignored fields) before deploying it', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Deploy stack' }));
    const dialog = screen.getByRole('dialog', { name: 'Deploy a stack' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Stack name/ }), { target: { value: 'Blog!' } });
    expect(within(dialog).getByText(/lowercase letters, digits/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Deploy' })).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Stack name/ }), { target: { value: 'blog' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Stack file' }), { target: { value: 'services:\n  web:\n    image: nginx:1\n    build: .\n' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Environment/ }), { target: { value: 'TOKEN=abc\n# note\n' } });
    expect(await within(dialog).findByText(/Ignoring unsupported options: build/, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'Stack objects' })).toHaveTextContent('service blog_web');
    expect(fake.callsOf('stacks.preview').at(-1)).toEqual({ name: 'blog', source: { content: 'services:\n  web:\n    image: nginx:1\n    build: .\n', env: { TOKEN: 'abc' } } });
    await user.click(within(dialog).getByRole('checkbox', { name: /prune/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Deploy' }));
    expect(fake.callsOf('stacks.deploy')).toEqual([{ name: 'blog', source: { content: 'services:\n  web:\n    image: nginx:1\n    build: .\n', env: { TOKEN: 'abc' } }, prune: true }]);
  });

  it('shows file problems from the preview and does not let a broken file deploy', async () => {
    const { user } = setup({ 'stacks.preview': () => fail('INVALID_ARGUMENT', 'compose.yaml:3:5: services.web.ports: must be an array') });
    await user.click(await screen.findByRole('button', { name: 'Deploy stack' }));
    const dialog = screen.getByRole('dialog', { name: 'Deploy a stack' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Stack name/ }), { target: { value: 'blog' } });
    expect(await within(dialog).findByText(/compose.yaml:3:5: services.web.ports/, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Deploy' })).toBeDisabled();
  });

  it('updates a stack with the file Berth last deployed it with; the drawer lists its objects', async () => {
    const { fake, user } = setup();
    await user.click(within(await screen.findByRole('row', { name: 'shop' })).getByRole('button', { name: 'Update shop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Update stack shop' });
    expect(within(dialog).getByRole('textbox', { name: 'Stack file' })).toHaveValue(details.compose);
    expect(within(dialog).getByRole('textbox', { name: /Stack name/ })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.dblClick(screen.getByRole('row', { name: 'shop' }));
    const drawer = await screen.findByRole('region', { name: 'Stack shop' });
    expect(await within(drawer).findByText('shop_web')).toBeInTheDocument();
    // A service of the stack opens its own drawer on the Services tab.
    expect(within(drawer).getByRole('link', { name: 'shop_web' }).getAttribute('href')).toMatch(/^#\/swarm\/services\/[^/]+$/);
    expect(within(drawer).getByText('shop_token')).toBeInTheDocument();
    expect(fake.callsOf('stacks.inspect')).toContainEqual({ name: 'shop' });
  });

  it('reads KEY=value lines and names a bad line', () => {
    expect(parseEnvLines('A=1\n\n# c\nB=x=y\nC')).toEqual({ env: { A: '1', B: 'x=y', C: '' } });
    expect(parseEnvLines('A=1\n1X=2').problem).toBe('Line 2: "1X" is not a variable name (KEY=value)');
  });
});
