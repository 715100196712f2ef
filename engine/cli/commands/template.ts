import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type {
  TemplateCatalog,
  TemplateDetail,
  TemplateImportResult,
  TemplateListResult,
  TemplatePreview,
} from '../../contract';
import { resolveDataDir } from '../data-dir';
import { EXIT, type CliIo } from '../io';
import { UsageError } from './args';
import { pickEngine, type ComposeDeps } from './compose';
import { stepSummary, table } from './compose-output';
import { ComposeSession, errorLines } from './compose-session';
import { TEMPLATE_USAGE } from './template-usage';

const OPTIONS = {
  json: { type: 'boolean' },
  category: { type: 'string' },
  compose: { type: 'boolean' },
  name: { type: 'string' },
  overwrite: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'docker-run': { type: 'string' },
  output: { type: 'string', short: 'o' },
  folder: { type: 'string' },
  catalog: { type: 'boolean' },
  repository: { type: 'string' },
  set: { type: 'string', multiple: true },
  'project-name': { type: 'string', short: 'p' },
  target: { type: 'string' },
  title: { type: 'string' },
  engine: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
type Values = ReturnType<typeof parse>['values'];
const parse = (argv: string[]) =>
  parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });

/** `berth template ...`: the templates domain through the dispatcher, like every host. */
export async function templateCommand(argv: string[], io: CliIo, deps: ComposeDeps): Promise<number> {
  const { values, positionals } = parse(argv);
  const [sub, ...args] = positionals;
  if (sub === undefined && !values.help) {
    io.err(TEMPLATE_USAGE);
    return EXIT.usage;
  }
  if (values.help || sub === 'help' || sub === undefined) {
    io.out(TEMPLATE_USAGE);
    return EXIT.ok;
  }
  const setValues = parseSets(values.set ?? []);
  if (sub === 'deploy' && values.target !== undefined && values.target !== 'compose') {
    if (values.target === 'stack') {
      io.err(
        'Error: deploying a template as a swarm stack comes with Swarm support; deploy it to this engine (--target compose) for now.',
      );
      return EXIT.failed;
    }
    throw new UsageError(`--target must be compose or stack, not "${values.target}".`);
  }
  const dataDir = resolveDataDir(values['data-dir'], io);
  // Only deploy and save need an engine; the rest never connects (and never starts the embedded one).
  const needsEngine = sub === 'deploy' || sub === 'save';
  let engineFlag: string | undefined;
  if (needsEngine) {
    const engine = await pickEngine(
      `template ${sub}`,
      values.engine,
      dataDir,
      deps,
      'The other template commands (list, show, import, export, preview, rm, catalog) work without one.',
    );
    if (typeof engine !== 'string') {
      io.err(`Error: ${engine.error}`);
      return EXIT.failed;
    }
    engineFlag = engine;
  }
  const store = deps.openStore(dataDir);
  const backend = await deps.createBackend({
    dataDir,
    store,
    liveCollections: false,
    ...(engineFlag ? { engineFlag } : { connect: false }),
    domains: ['engine', 'tasks', 'compose', 'templates'],
  });
  const session = new ComposeSession(backend);
  try {
    if (needsEngine) await session.connected();
    return await run(sub, args, values, setValues, session, io, deps.cwd);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    for (const line of errorLines(err)) io.err(line);
    const problems = (err as { details?: { problems?: { parameter?: string; message: string }[] } }).details
      ?.problems;
    if (problems && problems.length > 1)
      for (const p of problems) if (p.parameter) io.err(`  ${p.parameter}: ${p.message}`);
    return EXIT.failed;
  } finally {
    session.close();
    await backend.dispose();
    store.close();
  }
}

async function run(
  sub: string,
  args: string[],
  values: Values,
  set: Record<string, string>,
  s: ComposeSession,
  io: CliIo,
  cwd: string,
): Promise<number> {
  const one = (what: string) => {
    const [first, ...extra] = args;
    if (first === undefined) throw new UsageError(`berth template ${sub} needs ${what}.`);
    if (extra.length) throw new UsageError(`Unexpected argument: ${extra.join(' ')}`);
    return first;
  };
  switch (sub) {
    case 'list': {
      const r = await s.call<TemplateListResult>('templates.list', {
        ...(args.length ? { search: args.join(' ') } : {}),
        ...(values.category ? { category: values.category } : {}),
      });
      if (values.json) io.out(JSON.stringify(r, null, 2));
      else
        table(
          ['NAME', 'TITLE', 'CATEGORIES', 'PARAMETERS'],
          r.templates.map((t) => [t.id, t.title, t.categories.join(', '), String(t.parameters)]),
        ).forEach((l) => io.out(l));
      for (const u of r.unreadable) io.err(`Warning: ${u.id} cannot be read: ${u.message}`);
      return EXIT.ok;
    }
    case 'show': {
      const d = await s.call<TemplateDetail>('templates.get', {
        id: await resolveId(s, one('a template name')),
      });
      if (values.json) io.out(JSON.stringify(d, null, 2));
      else printDetail(d, values.compose === true, io);
      return EXIT.ok;
    }
    case 'import': {
      const source = values['docker-run']
        ? { dockerRun: values['docker-run'] }
        : sourceOf(one('a file, folder or URL'), cwd);
      const r = await s.call<TemplateImportResult>('templates.import', {
        source,
        ...(values.name ? { name: values.name } : {}),
        ...(values.overwrite ? { overwrite: true } : {}),
        ...(values['dry-run'] ? { dryRun: true } : {}),
      });
      const replaced = new Set(r.replaced ?? []);
      const verb = (id: string) => (r.dryRun ? (replaced.has(id) ? 'Would replace' : 'Would import') : replaced.has(id) ? 'Replaced' : 'Imported');
      for (const t of r.imported) io.out(`${verb(t.id)} ${t.id} (${t.title})`);
      for (const p of r.problems) io.err(`Not converted: ${p.item}: ${p.message}`);
      return r.imported.length > 0 ? EXIT.ok : EXIT.failed;
    }
    case 'export':
      return exportCommand(args, values, s, io, cwd);
    case 'preview': {
      const p = await s.call<TemplatePreview>('templates.preview', {
        id: await resolveId(s, one('a template name')),
        values: set,
        ...projectOpt(values),
      });
      for (const w of p.warnings) io.err(`Warning: ${w}`);
      io.out(p.yaml.trimEnd());
      return EXIT.ok;
    }
    case 'deploy': {
      const id = await resolveId(s, one('a template name'));
      // The preview validates the values and names the project before anything is written or started.
      const { projectName } = await s.call<TemplatePreview>('templates.preview', {
        id,
        values: set,
        ...projectOpt(values),
      });
      const task = await s.runTask('templates.deploy', { id, values: set, projectName }, (line) =>
        io.err(line),
      );
      for (const line of stepSummary(task)) io.err(line);
      if (task.state !== 'succeeded') {
        io.err(`Error: ${task.error?.message ?? `deploy ${task.state}`}`);
        return EXIT.failed;
      }
      io.out(`Deployed ${id} as compose project ${projectName}`);
      return EXIT.ok;
    }
    case 'save': {
      const [project, name, ...extra] = args;
      if (!project || !name || extra.length)
        throw new UsageError('Usage: berth template save PROJECT NAME [--title T]');
      const r = await s.call<TemplateImportResult>('templates.fromProject', {
        project,
        name,
        ...(values.title ? { title: values.title } : {}),
        ...(values.overwrite ? { overwrite: true } : {}),
      });
      for (const t of r.imported) io.out(`Saved ${project} as ${t.id}`);
      for (const p of r.problems) io.err(`Note: ${p.message}`);
      return EXIT.ok;
    }
    case 'rm':
      await s.call('templates.remove', { id: await resolveId(s, one('a template name')) });
      return EXIT.ok;
    case 'catalog':
      return catalogCommand(args, values, s, io);
    default:
      throw new UsageError(`Unknown template command: ${sub}`);
  }
}

async function exportCommand(
  args: string[],
  values: Values,
  s: ComposeSession,
  io: CliIo,
  cwd: string,
): Promise<number> {
  const write = async (file: string, content: string) => {
    const target = path.resolve(cwd, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    io.err(`Wrote ${target}`);
  };
  if (values.catalog) {
    const r = await s.call<{ json: string; problems: { item: string; message: string }[] }>(
      'templates.exportCatalog',
      values.repository ? { repositoryUrl: values.repository } : {},
    );
    for (const p of r.problems) io.err(`Not exported: ${p.item}: ${p.message}`);
    if (values.output) await write(values.output, r.json);
    else io.out(r.json.trimEnd());
    return EXIT.ok;
  }
  const [name, ...extra] = args;
  if (!name || extra.length)
    throw new UsageError('Usage: berth template export NAME [-o FILE | --folder DIR]');
  const files = await s.call<{ path: string; content: string }[]>('templates.export', {
    id: await resolveId(s, name),
    as: values.folder ? 'folder' : 'file',
  });
  if (values.folder) for (const f of files) await write(path.join(values.folder, f.path), f.content);
  else if (values.output) await write(values.output, files[0]?.content ?? '');
  else io.out((files[0]?.content ?? '').trimEnd());
  return EXIT.ok;
}

async function catalogCommand(args: string[], values: Values, s: ComposeSession, io: CliIo): Promise<number> {
  const [action, arg] = args;
  const print = (c: TemplateCatalog) =>
    io.out(
      `${c.id}  ${c.url}  ${c.templates} templates${c.fetchedAt ? `, fetched ${new Date(c.fetchedAt).toISOString()}` : ''}${c.error ? `  (last refresh failed: ${c.error})` : ''}`,
    );
  switch (action) {
    case 'ls':
    case undefined:
      (await s.call<TemplateCatalog[]>('templates.catalogs.list', {})).forEach(print);
      return EXIT.ok;
    case 'add':
    case 'refresh': {
      if (!arg)
        throw new UsageError(
          `berth template catalog ${action} needs ${action === 'add' ? 'a URL' : 'a catalog id'}.`,
        );
      const c =
        action === 'add'
          ? await s.call<TemplateCatalog>('templates.catalogs.add', {
              url: arg,
              ...(values.title ? { title: values.title } : {}),
            })
          : await s.call<TemplateCatalog>('templates.catalogs.refresh', { id: arg });
      print(c);
      for (const p of c.problems) io.err(`Not converted: ${p.item}: ${p.message}`);
      return c.error ? EXIT.failed : EXIT.ok;
    }
    case 'rm':
      if (!arg) throw new UsageError('berth template catalog rm needs a catalog id.');
      await s.call('templates.catalogs.remove', { id: arg });
      return EXIT.ok;
    default:
      throw new UsageError(`Unknown catalog command: ${action}`);
  }
}

/** A full id as is; a last part (`wordpress`) when exactly one template has it, library first. */
async function resolveId(s: ComposeSession, name: string): Promise<string> {
  if (name.includes('/')) return name;
  const { templates } = await s.call<TemplateListResult>('templates.list', {});
  const matches = templates.filter((t) => t.id.split('/').pop() === name);
  const library = matches.find((t) => t.origin === 'library');
  if (library) return library.id;
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length === 0) throw new UsageError(`No template named ${name}. See berth template list.`);
  throw new UsageError(`${name} is ambiguous: ${matches.map((t) => t.id).join(', ')}. Give the full id.`);
}

function sourceOf(arg: string, cwd: string) {
  return /^https?:\/\//i.test(arg) ? { url: arg } : { path: path.resolve(cwd, arg) };
}

const projectOpt = (values: Values) =>
  values['project-name'] ? { projectName: values['project-name'] } : {};

function parseSets(sets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes KEY=VALUE, not "${s}".`);
    out[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return out;
}

function printDetail(d: TemplateDetail, withCompose: boolean, io: CliIo): void {
  const m = d.metadata;
  io.out(`${m.title}${m.version ? ` (version ${m.version})` : ''}  [${d.summary.id}]`);
  if (m.description) io.out(m.description);
  if (m.categories.length) io.out(`Categories: ${m.categories.join(', ')}`);
  if (m.maintainer) io.out(`Maintainer: ${m.maintainer}`);
  io.out(`Services: ${d.summary.services.join(', ')}`);
  if (d.parameters.length) {
    io.out('Parameters:');
    for (const p of d.parameters) {
      const facts = [
        p.required ? 'required' : 'optional',
        p.secret ? 'secret' : '',
        p.default !== undefined ? `default ${p.default}` : '',
        p.options ? `one of ${p.options.map((o) => o.value).join('|')}` : '',
        p.pattern ? `pattern ${p.pattern}` : '',
      ].filter(Boolean);
      io.out(`  ${p.name}  ${p.label} (${facts.join(', ')})${p.description ? `: ${p.description}` : ''}`);
    }
  }
  if (withCompose) io.out(`\n${d.compose.trimEnd()}`);
}
