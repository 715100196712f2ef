import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadProject, toConfigYaml } from './index';
import { canonicalFromV1, sortVolumes, withoutExtensions } from './testing/v1-config';

const here = path.dirname(fileURLToPath(import.meta.url));
// A copy of docker/awesome-compose's compose files (CC0; see its README), kept in the project so a bare clone tests.
const corpus = path.join(here, 'testdata', 'awesome-compose');
const COMPOSE_V1 = '/usr/bin/docker-compose';
/** The one sample 1.29.2 cannot read: it uses the top-level `name:` key, which v1 predates. */
const V1_REJECTS = new Set(['react-rust-postgres']);

const sampleDirs = readdirSync(corpus).filter((d) => statSync(path.join(corpus, d)).isDirectory()).sort();
const composeFileOf = (dir: string) => readdirSync(dir).find((f) => /^(docker-)?compose\.ya?ml$/.test(f)) ?? 'compose.yaml';

/**
 * The corpus keeps only compose and .env files, so secret/config `file:` targets (an app's db/password.txt) are
 * missing, and Berth rightly rejects a secret whose file does not exist. Each sample is staged in a temp copy
 * with those files created, so the comparison is about the model, and both tools read the same folder.
 */
function stage(sample: string, tmp: string): string {
  const dir = path.join(tmp, sample);
  cpSync(path.join(corpus, sample), dir, { recursive: true });
  const doc = parse(readFileSync(path.join(dir, composeFileOf(dir)), 'utf8')) as Record<string, Record<string, { file?: string }> | undefined>;
  for (const section of ['secrets', 'configs']) {
    for (const item of Object.values(doc[section] ?? {})) {
      if (typeof item.file !== 'string') continue;
      const file = path.resolve(dir, item.file);
      mkdirSync(path.dirname(file), { recursive: true });
      if (!existsSync(file)) writeFileSync(file, 'placeholder\n');
    }
  }
  return dir;
}

/** docker-compose 1.29.2 with a clean environment, run in the sample folder. */
export function composeV1Config(dir: string, files: string[]): { ok: boolean; stdout: string; stderr: string } {
  const args = files.flatMap((f) => ['-f', f]);
  const res = spawnSync(COMPOSE_V1, [...args, 'config'], { cwd: dir, env: { PATH: '/usr/bin:/bin' }, encoding: 'utf8' });
  return { ok: res.status === 0, stdout: res.stdout, stderr: res.stderr };
}

describe('awesome-compose corpus: Berth vs docker-compose 1.29.2 config', () => {
  let tmp = '';
  beforeAll(() => {
    if (!existsSync(COMPOSE_V1)) throw new Error(`${COMPOSE_V1} is missing: install Debian's docker-compose (npm test does)`);
    tmp = mkdtempSync(path.join(os.tmpdir(), 'berth-compose-corpus-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('has the 39 samples', () => {
    expect(sampleDirs).toHaveLength(39);
  });

  it.each(sampleDirs)('%s', async (sample) => {
    const dir = stage(sample, tmp);
    const file = composeFileOf(dir);
    const project = await loadProject({ files: [path.join(dir, file)], env: {} });
    const berth = parse(toConfigYaml(project)) as Record<string, unknown>;
    const v1 = composeV1Config(dir, [file]);
    if (V1_REJECTS.has(sample)) {
      expect(v1.ok).toBe(false);
      expect(berth.name).toBe((parse(readFileSync(path.join(dir, file), 'utf8')) as { name: string }).name);
      return;
    }
    expect(v1.stderr).not.toMatch(/ERROR/);
    expect(sortVolumes(berth)).toEqual(sortVolumes(canonicalFromV1(parse(v1.stdout) as Record<string, unknown>, project.name)));
  });
});

describe("Berth's own samples (testdata/): Berth vs docker-compose 1.29.2 config", () => {
  it('webapp: .env interpolation, extends, healthchecks, volumes, networks, profiles, override file', async () => {
    const dir = path.join(here, 'testdata/webapp');
    // No files: compose's default lookup finds compose.yaml plus compose.override.yaml, the pair v1 gets by -f.
    // The debug profile is active because v1's `config` prints services whatever their profiles.
    const project = await loadProject({ files: [], workingDir: dir, env: {}, profiles: ['debug'] });
    expect(project.composeFiles.map((f) => path.basename(f))).toEqual(['compose.yaml', 'compose.override.yaml']);
    const v1 = composeV1Config(dir, ['compose.yaml', 'compose.override.yaml']);
    expect(v1.stderr).toBe('');
    const berth = withoutExtensions(parse(toConfigYaml(project)) as Record<string, unknown>);
    expect(berth['x-logging']).toBeUndefined();
    expect(project.extensions['x-logging']).toEqual({ driver: 'json-file', options: { 'max-size': '10m' } });
    expect(sortVolumes(berth)).toEqual(sortVolumes(canonicalFromV1(parse(v1.stdout) as Record<string, unknown>, project.name)));
  });

  it('selfhosted: 57 services built from nested anchors and merges (~145 alias uses)', async () => {
    const dir = path.join(here, 'testdata/selfhosted');
    const project = await loadProject({ files: [path.join(dir, 'compose.yaml')], env: {}, projectName: 'homelab' });
    const v1 = spawnSync(COMPOSE_V1, ['-p', 'homelab', '-f', 'compose.yaml', 'config'], { cwd: dir, env: { PATH: '/usr/bin:/bin' }, encoding: 'utf8' });
    expect(v1.stderr).toBe('');
    const berth = withoutExtensions(parse(toConfigYaml(project)) as Record<string, unknown>);
    expect(sortVolumes(berth)).toEqual(sortVolumes(canonicalFromV1(parse(v1.stdout) as Record<string, unknown>, project.name)));
  });
});
