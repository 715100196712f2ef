// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type TemplateImportResult } from '../../api/contract';
import type { Handlers } from '../../testing/fakeClient';
import { renderWithStore } from '../../testing/render';
import { catalog, summary } from './testing/templates';
import { TemplatesPage } from './TemplatesPage';

const templates = [
  summary('builtin/web-server', { title: 'Web server (nginx)', description: 'A static web server.', categories: ['Web'], version: '1.0', maintainer: 'Berth' }),
  summary('builtin/postgres-adminer', { title: 'PostgreSQL with Adminer', description: 'A database and its admin UI.', categories: ['Database'] }),
  summary('library/mysql', { title: 'MySQL', description: 'A relational database.', categories: ['database', 'Storage'], logo: 'data:image/png;base64,iVBORw0KGgo=' }),
  summary('catalog/team/redis', { title: 'Redis', description: 'In-memory store (Web cache).', categories: ['Cache'], logo: 'https://cdn.example/redis.png' }),
];

const setup = (handlers: Handlers = {}) =>
  renderWithStore(<TemplatesPage />, {
    'templates.list': () => ok({ templates, categories: [], unreadable: [] }),
    'templates.catalogs.list': () => ok([catalog('team', { title: 'Team catalog' })]),
    ...handlers,
  });

const cardTitles = () => within(screen.getByRole('list', { name: 'Templates' })).queryAllByRole('heading').map((h) => h.textContent);

// Typing long text key by key is slow on a loaded machine: paste it, as a user often does.
async function fill(user: ReturnType<typeof setup>['user'], field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

describe('Templates catalog', { timeout: 40_000 }, () => {
  it('filters by search words, categories (any chosen) and source, and links each card to its page', async () => {
    const { user } = setup();
    expect(await screen.findByRole('heading', { name: 'Web server (nginx)' })).toBeInTheDocument();
    expect(cardTitles()).toHaveLength(4);
    const web = screen.getByRole('listitem', { name: 'Web server (nginx)' });
    expect(within(web).getByRole('link')).toHaveAttribute('href', '#/templates/builtin%2Fweb-server');
    expect(web).toHaveTextContent('v1.0 · Berth · Built-in · 1 service');

    // Search: title, description and categories; every word must match.
    await user.type(screen.getByRole('textbox', { name: 'Search templates' }), 'web');
    expect(cardTitles()).toEqual(['Web server (nginx)', 'Redis']);
    await user.type(screen.getByRole('textbox', { name: 'Search templates' }), ' cache');
    expect(cardTitles()).toEqual(['Redis']);
    await user.clear(screen.getByRole('textbox', { name: 'Search templates' }));

    // Categories match case-insensitively ("Database" and "database" are one chip); two chips widen.
    const chips = screen.getByRole('group', { name: 'Categories' });
    expect(within(chips).getAllByRole('button').map((b) => b.textContent)).toEqual(['Cache', 'Database', 'Storage', 'Web']);
    await user.click(within(chips).getByRole('button', { name: 'Database' }));
    expect(cardTitles()).toEqual(['PostgreSQL with Adminer', 'MySQL']);
    expect(within(chips).getByRole('button', { name: 'Database' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(chips).getByRole('button', { name: 'Cache' }));
    expect(cardTitles()).toEqual(['PostgreSQL with Adminer', 'MySQL', 'Redis']);
    expect(screen.getByRole('status')).toHaveTextContent('3 of 4 templates');

    // Source: one remote catalog by its title; the chips then show only its categories.
    await user.click(screen.getByRole('combobox', { name: 'Source' }));
    await user.click(screen.getByRole('option', { name: 'Team catalog' }));
    expect(cardTitles()).toEqual(['Redis']);
    expect(within(screen.getByRole('group', { name: 'Categories' })).getAllByRole('button').map((b) => b.textContent)).toEqual(['Cache']);
    await user.click(screen.getByRole('combobox', { name: 'Source' }));
    await user.click(screen.getByRole('option', { name: 'My library' }));
    expect(cardTitles()).toEqual(['MySQL']);
  });

  it('shows embedded logos but never loads a remote one (a monogram instead)', async () => {
    setup();
    const mysql = await screen.findByRole('listitem', { name: 'MySQL' });
    expect(mysql.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png/);
    const redis = screen.getByRole('listitem', { name: 'Redis' });
    expect(redis.querySelector('img')).toBeNull();
    expect(redis).toHaveTextContent(/^RE/);
    expect(screen.getByRole('listitem', { name: 'PostgreSQL with Adminer' })).toHaveTextContent(/^PA/);
  });

  it('checks pasted text first (a dry run), shows what would be imported and not converted, then overwrites taken names only after confirming', async () => {
    const first: TemplateImportResult = {
      format: 'portainer',
      imported: [summary('library/redis', { title: 'Redis' })],
      problems: [
        { item: 'Portainer template 2 (Stack)', message: 'a compose stack in a git repository is not fetched: https://git.example/stacks (stack.yml)' },
        { item: 'template mysql (MySQL)', message: 'The library already has a template named mysql. Choose another name or overwrite it.', existing: 'library/mysql' },
      ],
    };
    const second: TemplateImportResult = { format: 'portainer', imported: [summary('library/redis', { title: 'Redis' }), summary('library/mysql', { title: 'MySQL' })], problems: [first.problems[0]!], replaced: ['library/mysql'] };
    const { user, fake } = setup({ 'templates.import': (p) => ok(p.dryRun ? { ...first, dryRun: true } : p.overwrite ? second : first) });
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import templates' });
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    expect(within(dialog).getByText(/Paste a Portainer list/)).toBeInTheDocument();
    expect(fake.callsOf('templates.import')).toEqual([]);

    const text = '{"version":"2","templates":[]}';
    await user.click(within(dialog).getByRole('textbox', { name: 'Template text' }));
    await user.paste(text);
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    const report = await within(dialog).findByRole('region', { name: 'Import report' });
    expect(report).toHaveTextContent('Read a Portainer template list: 1 template would be imported into your library, 2 things not converted (listed below). Nothing is written until you import.');
    expect(within(within(report).getByRole('list', { name: 'Templates to import' })).getByText('Redis')).toBeInTheDocument();
    expect(report).toHaveTextContent('library/redis · web · new');
    const problems = within(report).getByRole('list', { name: 'Import problems' });
    expect(problems).toHaveTextContent('Portainer template 2 (Stack)');
    expect(problems).toHaveTextContent('is not fetched: https://git.example/stacks (stack.yml)');
    expect(fake.callsOf('templates.import')).toEqual([{ source: { text }, dryRun: true }]);

    // Editing the input makes the report stale: it must be checked again.
    await user.type(within(dialog).getByRole('textbox', { name: 'Template text' }), ' ');
    expect(within(dialog).queryByRole('region', { name: 'Import report' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Check' })).toBeEnabled();
    // Back to what was checked, the report is the right one again.
    await user.type(within(dialog).getByRole('textbox', { name: 'Template text' }), '{Backspace}');
    expect(await within(dialog).findByRole('button', { name: 'Import 1 template' })).toBeEnabled();

    await user.click(within(dialog).getByRole('button', { name: 'Overwrite…' }));
    const confirm = screen.getByRole('dialog', { name: 'Replace 1 template in your library?' });
    expect(confirm).toHaveTextContent('library/mysql are replaced');
    await user.click(within(confirm).getByRole('button', { name: 'Overwrite' }));
    await waitFor(() => expect(fake.callsOf('templates.import')[1]).toEqual({ source: { text }, overwrite: true }));
    expect(await within(dialog).findByText(/2 templates imported into your library \(1 replacing a template you have\)/)).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'MySQL' })).toHaveAttribute('href', '#/templates/library%2Fmysql');
    expect(within(dialog).queryByRole('button', { name: /Import|Check/ })).toBeNull();
  });

  it('reads a chosen file in the browser and sends its text and name; a docker run line goes as such', async () => {
    const { user, fake } = setup({
      'templates.import': (p) => ok('dockerRun' in p.source ? { format: 'docker-run', imported: [summary('library/my-nginx', { title: 'nginx' })], problems: [], ...(p.dryRun ? { dryRun: true } : {}) } : { format: 'pmx', imported: [], problems: [{ item: 'app.pmx', message: 'no images' }], dryRun: true }),
    });
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import templates' });
    await user.click(within(dialog).getByRole('tab', { name: 'File' }));
    await user.upload(within(dialog).getByLabelText('Template file'), new File(['name: app\nimages: []\n'], 'app.pmx', { type: 'text/plain' }));
    expect(await within(dialog).findByText(/app\.pmx \(21 characters\)/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    expect(await within(dialog).findByText(/Read a Panamax \.pmx file: 0 templates would be imported/)).toBeInTheDocument();
    // Nothing to import: the button says so and stays off.
    expect(within(dialog).getByRole('button', { name: 'Import 0 templates' })).toBeDisabled();
    expect(fake.callsOf('templates.import')).toEqual([{ source: { text: 'name: app\nimages: []\n', fileName: 'app.pmx' }, dryRun: true }]);

    await user.click(within(dialog).getByRole('tab', { name: 'docker run' }));
    await fill(user, within(dialog).getByRole('textbox', { name: 'docker run command' }), 'docker run -p 8080:80 nginx');
    await fill(user, within(dialog).getByRole('textbox', { name: 'Name in the library (optional)' }), 'my-nginx');
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Import 1 template' }));
    await waitFor(() => expect(fake.callsOf('templates.import')[2]).toEqual({ source: { dockerRun: 'docker run -p 8080:80 nginx' }, name: 'my-nginx' }));
    expect(await within(dialog).findByText(/1 template imported into your library\./)).toBeInTheDocument();
  });

  it('remote catalogs: an unreachable address is refused with its reason, a failed refresh keeps the cached copy and says why', async () => {
    const cached = catalog('team', { title: 'Team catalog', templates: 12 });
    let listed = [cached];
    const { user, fake } = setup({
      'templates.catalogs.list': () => ok(listed),
      'templates.catalogs.add': ({ url }) =>
        url.includes('nowhere')
          ? fail('INVALID_ARGUMENT', 'https://nowhere.example/list.json could not be fetched: getaddrinfo ENOTFOUND nowhere.example')
          : fail('INVALID_ARGUMENT', 'https://example.com/ is not a template catalog: not a Portainer list, .pmx or compose file'),
      'templates.catalogs.refresh': () => {
        listed = [{ ...cached, error: 'connect ECONNREFUSED 127.0.0.1:9' }];
        return ok(listed[0]!);
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Remote catalogs…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remote catalogs' });
    const form = within(dialog).getByRole('form', { name: 'Add a catalog' });
    await fill(user, within(form).getByRole('textbox', { name: 'Catalog address' }), 'ftp://x');
    await user.click(within(form).getByRole('button', { name: 'Add catalog' }));
    expect(within(dialog).getByText(/Enter the http:\/\/ or https:\/\/ address/)).toBeInTheDocument();
    expect(fake.callsOf('templates.catalogs.add')).toEqual([]);

    await fill(user, within(form).getByRole('textbox', { name: 'Catalog address' }), 'https://nowhere.example/list.json');
    await user.click(within(form).getByRole('button', { name: 'Add catalog' }));
    expect(await within(dialog).findByText(/could not be fetched: getaddrinfo ENOTFOUND/)).toBeInTheDocument();
    await fill(user, within(form).getByRole('textbox', { name: 'Catalog address' }), 'https://example.com/');
    await user.click(within(form).getByRole('button', { name: 'Add catalog' }));
    expect(await within(dialog).findByText(/is not a template catalog/)).toBeInTheDocument();

    const row = within(dialog).getByRole('listitem', { name: 'Team catalog' });
    expect(row).toHaveTextContent('12 templates');
    await user.click(within(row).getByRole('button', { name: 'Refresh Team catalog' }));
    expect(await within(dialog).findByText(/The last refresh failed: connect ECONNREFUSED 127.0.0.1:9\. The copy fetched .* is still used\./)).toBeInTheDocument();
    expect(within(dialog).getByRole('listitem', { name: 'Team catalog' })).toHaveTextContent('12 templates');

    await user.click(within(dialog).getByRole('button', { name: 'Remove Team catalog' }));
    const confirm = screen.getByRole('dialog', { name: 'Remove the catalog Team catalog?' });
    expect(confirm).toHaveTextContent('Its 12 cached templates leave the catalog');
  });
});
