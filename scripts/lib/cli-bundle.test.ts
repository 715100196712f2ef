import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
// @ts-expect-error: a plain .mjs build helper without type declarations
import { cliBundleOptions } from './cli-bundle.mjs';

// `berth compose` must load only what compose runs (ADR 19): the CLI bundle is built in memory with the build's
// own options, and the module graph is walked from the entry the way `berth compose` evaluates it at run time. In
// the one-file bundle (ADR 20) a module behind a dynamic import() is evaluated only when that import runs.
type Meta = esbuild.Metafile;
const root = process.cwd();
const rel = (p: string) => path.relative(root, path.resolve(root, p)).split(path.sep).join('/');
const ENTRY = 'engine/cli/main.ts';

/** create-backend.ts's domain table: name → the module its loader imports. */
function domainTable(): Map<string, string> {
  const source = readFileSync(path.join(root, 'engine/host/create-backend.ts'), 'utf8');
  const lines = [...source.matchAll(/^ {2}(\w+): async \(\) => \(await import\('([^']+)'\)\)\.\w+,$/gm)];
  return new Map(lines.map((m) => [m[1] ?? '', `${rel(path.join('engine/host', m[2] ?? ''))}.ts`]));
}

/**
 * The source files a command evaluates: the modules reachable from the entry through static imports and requires,
 * and through the dynamic imports the command takes (`takes` gets the module a dynamic import names).
 */
function loadedSources(meta: Meta, takes: (module: string) => boolean): Set<string> {
  const inputs = meta.inputs;
  if (!inputs[ENTRY]) throw new Error(`no ${ENTRY} in the metafile`);
  const seen = new Set<string>();
  const queue = [ENTRY];
  while (queue.length) {
    const file = queue.pop() ?? '';
    if (seen.has(file) || !inputs[file]) continue;
    seen.add(file);
    for (const imp of inputs[file].imports) {
      if (imp.external) continue;
      if (imp.kind !== 'dynamic-import' || takes(rel(imp.path))) queue.push(imp.path);
    }
  }
  return new Set([...seen].map(rel));
}

describe('what `berth compose` loads', () => {
  let meta: Meta;
  const domains = domainTable();
  const composeDomains = ['engine', 'tasks', 'compose'];
  const validator = 'engine/services/compose/schema/validator.ts';
  const otherCommands = (start: string) =>
    (start.startsWith('engine/cli/commands/') && start !== 'engine/cli/commands/compose.ts') ||
    start.startsWith('engine/web/');
  const otherDomains = (start: string) =>
    [...domains].some(([name, file]) => file === start && !composeDomains.includes(name));

  beforeAll(async () => {
    const options = (cliBundleOptions as () => esbuild.BuildOptions)();
    meta = (await esbuild.build({ ...options, write: false, metafile: true, sourcemap: false })).metafile;
  }, 60_000);

  it('reads every domain of the table from the table create-backend.ts keeps', () => {
    expect(domains.size).toBeGreaterThanOrEqual(15);
    for (const name of [...composeDomains, 'swarm', 'stacks', 'templates', 'security', 'accounts'])
      expect(domains.has(name), name).toBe(true);
  });

  it('loads no other domain, no other command and no web host', () => {
    const sources = loadedSources(meta, (start) => !otherCommands(start) && !otherDomains(start));
    const folder = (file: string) => `${path.posix.dirname(file)}/`;
    const foreign = [...domains]
      .filter(([name]) => !composeDomains.includes(name))
      .map(([, file]) => folder(file))
      // containers' two handler files share one folder; compose has its own.
      .filter((dir) => !composeDomains.some((d) => folder(domains.get(d) ?? '') === dir));
    const leaked = [...sources].filter(
      (s) => foreign.some((dir) => s.startsWith(dir)) || s.startsWith('engine/web/'),
    );
    expect(leaked).toEqual([]);
    // The walk is real: compose's own handlers and the backend are in it.
    expect(sources).toContain('engine/services/compose/handlers.ts');
    expect(sources).toContain('engine/host/create-backend.ts');
  });

  it('loads the compose-spec validator only when a file is validated (its own chunk)', () => {
    const withoutValidating = loadedSources(
      meta,
      (start) => !otherCommands(start) && !otherDomains(start) && start !== validator,
    );
    expect(withoutValidating.has(validator)).toBe(false);
    expect(loadedSources(meta, () => true).has(validator)).toBe(true);
  });

  it('bundles yaml and dockerode but leaves what defer-modules.ts defers (BuildKit session, ssh) and native addons outside', () => {
    const everything = [...loadedSources(meta, () => true)];
    expect(everything.some((s) => s.startsWith('node_modules/yaml/'))).toBe(true);
    expect(everything).toContain('node_modules/dockerode/lib/docker.js');
    const inside = everything.filter((s) =>
      /^node_modules\/(dockerode\/lib\/session|docker-modem\/lib\/ssh)\.js$|^node_modules\/(@grpc|protobufjs|ssh2|better-sqlite3)\//.test(
        s,
      ),
    );
    expect(inside).toEqual([]);
  });

  it('`berth --version` loads only the entry: no contract, backend or command module', () => {
    const sources = [...loadedSources(meta, () => false)];
    expect(
      sources.filter((s) =>
        /^engine\/(contract|host|services|store|docker)\/|^engine\/cli\/commands\/compose\.ts$/.test(s),
      ),
    ).toEqual([]);
    expect(sources).toContain('engine/cli/main.ts');
  });

  it('would notice a non-compose domain: the same walk taking every import reaches swarm and templates', () => {
    const everything = loadedSources(meta, () => true);
    expect(everything).toContain(domains.get('swarm'));
    expect(everything).toContain(domains.get('templates'));
  });

  it('evaluates a module behind import() only when the import runs: the one-file bundle keeps commands lazy', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-cli-lazy-'));
    try {
      writeFileSync(path.join(dir, 'lazy.ts'), '(globalThis as { ran?: boolean }).ran = true;\nexport const x = 1;\n');
      writeFileSync(
        path.join(dir, 'entry.ts'),
        [
          `const ran = () => String((globalThis as { ran?: boolean }).ran === true);`,
          `console.log(ran());`,
          `void import('./lazy').then(() => console.log(ran()));`,
        ].join('\n'),
      );
      const options = (cliBundleOptions as () => esbuild.BuildOptions)();
      await esbuild.build({ ...options, entryPoints: { entry: path.join(dir, 'entry.ts') }, outdir: dir, sourcemap: false });
      const out = readdirSync(dir).find((f) => f.endsWith('.cjs')) ?? '';
      expect(execFileSync(process.execPath, [path.join(dir, out)], { encoding: 'utf8' }).trim().split('\n')).toEqual(['false', 'true']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
