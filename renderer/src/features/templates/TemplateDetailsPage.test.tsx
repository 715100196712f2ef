// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type TaskInfo } from '../../api/contract';
import type { Handlers } from '../../testing/fakeClient';
import { renderWithStore } from '../../testing/render';
import { managerStatus } from '../swarm/testing/fixtures';
import { detail, param, summary } from './testing/templates';
import { TemplateDetailsPage } from './TemplateDetailsPage';

// Monaco cannot run in jsdom: the editor's interface is served by the plain text area here (the e2e covers Monaco).
vi.mock('../../components/editor/CodeEditor', async () => ({
  CodeEditor: (await import('../../components/editor/PlainTextEditor')).PlainTextEditor,
}));

afterEach(() => {
  window.location.hash = '';
});

const db = summary('builtin/postgres-adminer', { title: 'PostgreSQL with Adminer', categories: ['Database'], services: ['db', 'adminer'] });
const params = [
  param('DB_USER', { label: 'Database user', default: 'app', required: true, pattern: '[a-z_][a-z0-9_]{0,62}' }),
  param('DB_PASSWORD', { label: 'Database password', required: true, secret: true, pattern: '.{8,}', description: 'At least 8 characters.' }),
  param('POSTGRES_VERSION', { label: 'PostgreSQL version', default: '16', options: [{ value: '17' }, { value: '16' }, { value: '15', label: 'Old stable' }] }),
];
const docs = '# PostgreSQL\nLog in at <b>http://localhost</b> with [the docs](https://example.com/docs) or [this](javascript:alert(1)).\n\n![logo](https://cdn.example/logo.png)\n\n- one\n- two\n';

function setup(tab: string, handlers: Handlers = {}) {
  window.location.hash = `#/templates/builtin%2Fpostgres-adminer${tab ? `/${tab}` : ''}`;
  return renderWithStore(<TemplateDetailsPage id="builtin/postgres-adminer" tab={tab || undefined} />, {
    'templates.get': () => ok(detail(db, params, docs)),
    'templates.catalogs.list': () => ok([]),
    'templates.preview': ({ values }) => ok({ projectName: 'postgres-adminer', yaml: `services:\n  db:\n    image: postgres:${values?.POSTGRES_VERSION ?? '?'}-alpine\n`, warnings: [] }),
    'tasks.list': () => ok([]),
    ...handlers,
  });
}

describe('Template details and deploy', { timeout: 40_000 }, () => {
  it('renders the documentation as Markdown without any HTML from it, and loads no remote image', async () => {
    setup('');
    const doc = await screen.findByRole('region', { name: 'Documentation' });
    expect(within(doc).getByRole('heading', { name: 'PostgreSQL' })).toBeInTheDocument();
    expect(doc.querySelector('b')).toBeNull();
    expect(doc).toHaveTextContent('<b>http://localhost</b>');
    expect(within(doc).getByRole('link', { name: 'the docs' })).toHaveAttribute('href', 'https://example.com/docs');
    expect(within(doc).queryByRole('link', { name: 'this' })).toBeNull();
    expect(doc.querySelector('img')).toBeNull();
    expect(within(doc).getByRole('link', { name: '[logo]' })).toHaveAttribute('href', 'https://cdn.example/logo.png');
    expect(within(doc).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('table', { name: 'Parameters' })).toHaveTextContent('Database password *${DB_PASSWORD} · secret');
    expect(screen.getByRole('link', { name: 'Open in builder' })).toHaveAttribute('href', '#/builder/builtin%2Fpostgres-adminer');
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
  });

  it('validates as the user types: required, pattern, select list and a secret with reveal; previews only valid values', async () => {
    const { user, fake } = setup('deploy');
    const form = await screen.findByRole('form', { name: 'Deploy PostgreSQL with Adminer' });
    const password = within(form).getByLabelText(/^Database password/, { selector: 'input' });
    expect(password).toHaveAttribute('type', 'password');
    // The password is required and has no default: the preview waits for it.
    expect(within(form).getByText(/Fill in the fields marked as needed/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Deploy' }));
    expect(within(form).getByText('Database password is required.')).toBeInTheDocument();
    expect(within(form).getByText('Fix the highlighted fields to deploy.')).toBeInTheDocument();
    expect(fake.callsOf('templates.deploy')).toEqual([]);

    await user.type(password, 'short');
    expect(within(form).getByText('The value does not match the expected format (.{8,}).')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Show Database password' }));
    expect(password).toHaveAttribute('type', 'text');
    await user.click(within(form).getByRole('button', { name: 'Hide Database password' }));
    expect(password).toHaveAttribute('type', 'password');
    await user.type(password, '-but-long');
    expect(within(form).queryByText(/does not match/)).toBeNull();

    const userField = within(form).getByRole('textbox', { name: /Database user/ });
    await user.clear(userField);
    await user.type(userField, 'Bad-Name');
    expect(within(form).getByText('"Bad-Name" does not match the expected format ([a-z_][a-z0-9_]{0,62}).')).toBeInTheDocument();
    await user.clear(userField);
    await user.type(userField, 'shop');

    await user.click(within(form).getByRole('combobox', { name: 'PostgreSQL version' }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['None', '17', '16', 'Old stable (15)']);
    await user.click(screen.getByRole('option', { name: '17' }));
    const preview = await within(form).findByRole('textbox', { name: 'Resolved compose file' }, { timeout: 3000 });
    await waitFor(() => expect(preview).toHaveValue('services:\n  db:\n    image: postgres:17-alpine\n'));
    // Debounced: typing "-but-long" and the other fields never asked for a preview of invalid values.
    for (const call of fake.callsOf('templates.preview') as { values: Record<string, string> }[]) expect(call.values.DB_PASSWORD).toBe('short-but-long');
  });

  it('deploys, follows the compose up task and links to the app under Compose; a refusal names the field', async () => {
    let refuse = true;
    const { user, fake } = setup('deploy', {
      'templates.deploy': () =>
        refuse
          ? fail('INVALID_ARGUMENT', 'DB_USER: "root" is reserved', { problems: [{ parameter: 'DB_USER', message: '"root" is reserved by PostgreSQL' }] })
          : ok({ taskId: 't-up', projectName: 'shop-db' }),
    });
    const form = await screen.findByRole('form', { name: 'Deploy PostgreSQL with Adminer' });
    await user.type(within(form).getByLabelText(/^Database password/, { selector: 'input' }), 'long-enough');
    const name = within(form).getByRole('textbox', { name: /Project name/ });
    await user.clear(name);
    await user.type(name, 'Shop DB');
    expect(within(form).getByText(/Use lowercase letters, digits/)).toBeInTheDocument();
    await user.clear(name);
    await user.type(name, 'shop-db');
    // Not a swarm manager: only the compose target exists.
    expect(within(form).queryByRole('radio', { name: /swarm stack/ })).toBeNull();

    await user.click(within(form).getByRole('button', { name: 'Deploy' }));
    expect(await within(form).findByText('"root" is reserved by PostgreSQL')).toBeInTheDocument();
    refuse = false;
    await user.click(within(form).getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(fake.callsOf('templates.deploy')).toHaveLength(2));
    expect(fake.callsOf('templates.deploy')[1]).toEqual({
      id: 'builtin/postgres-adminer',
      values: { DB_USER: 'app', DB_PASSWORD: 'long-enough', POSTGRES_VERSION: '16' },
      projectName: 'shop-db',
      target: 'compose',
    });
    const running: TaskInfo = { id: 't-up', kind: 'compose.up', title: 'Up shop-db', state: 'running', startedAt: Date.now(), cancellable: true, progress: { fraction: 0.5 } };
    act(() => fake.emit('tasks.changed', { kind: 'patch', removed: [], upserts: [running] }));
    expect(await within(form).findByText(/Up shop-db/)).toBeInTheDocument();
    act(() => fake.emit('tasks.changed', { kind: 'patch', removed: [], upserts: [{ ...running, state: 'succeeded', endedAt: Date.now() }] }));
    expect(await within(form).findByText(/Deployed:/)).toBeInTheDocument();
    expect(within(form).getByRole('link', { name: 'open shop-db under Compose' })).toHaveAttribute('href', '#/compose/shop-db');
  });

  it('offers a swarm stack on a swarm manager and deploys through the stack task', async () => {
    const { user, fake } = setup('deploy', {
      'swarm.status': () => ok(managerStatus),
      'templates.deploy': () => ok({ taskId: 't-stack', projectName: 'postgres-adminer' }),
    });
    const form = await screen.findByRole('form', { name: 'Deploy PostgreSQL with Adminer' });
    await user.type(within(form).getByLabelText(/^Database password/, { selector: 'input' }), 'long-enough');
    await user.click(await within(form).findByRole('radio', { name: /swarm stack/ }));
    expect(within(form).getByText(/listed under Swarm → Stacks/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(fake.callsOf('templates.deploy')).toHaveLength(1));
    expect(fake.callsOf('templates.deploy')[0]).toMatchObject({ projectName: 'postgres-adminer', target: 'stack' });
    const running: TaskInfo = { id: 't-stack', kind: 'stacks.deploy', title: 'Deploy stack postgres-adminer', state: 'running', startedAt: Date.now(), cancellable: true };
    act(() => fake.emit('tasks.changed', { kind: 'patch', removed: [], upserts: [running] }));
    expect(await within(form).findByText(/Deploy stack postgres-adminer/)).toBeInTheDocument();
    expect(within(form).getByRole('link', { name: /under Swarm → Stacks/ })).toHaveAttribute('href', '#/swarm/stacks');
  });
});
