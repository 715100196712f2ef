import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE } from '../../../e2e/harness/image';
import { useTestSwarm } from '../../../e2e/harness/use-test-swarm';
import { realCommandDeps } from '../testing/deps';
import { recordingIo } from '../testing/io';
import { stackCommand } from './stack';

const swarm = useTestSwarm();
const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-cli-stack-it-'));
const STACK = `cli${Date.now().toString(36).slice(-5)}`;
afterAll(async () => {
  await berth('rm', STACK).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const deps = realCommandDeps(dir);
async function berth(...argv: string[]) {
  const { io, out, err } = recordingIo({ FROM_SHELL: 'shell' });
  const engine = argv.includes('--engine') ? [] : ['--engine', swarm.info.managerEndpoint];
  const code = await stackCommand([...argv, '--data-dir', path.join(dir, 'data'), ...engine], io, deps);
  return { code, out, err };
}
async function docker(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('/usr/local/bin/docker', ['-H', swarm.info.managerEndpoint, ...args], { timeout: 30_000 });
  return stdout.trim();
}
const jsonLines = <T>(text: string): T[] => (text ? text.split('\n').map((l) => JSON.parse(l) as T) : []);
async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return name;
};

describe('berth stack on the shared 3-node swarm, checked with the docker CLI', () => {
  it('deploys two files with --env-file; docker stack ls/services agree with berth stack ls/services/ps', async () => {
    write('stack.yaml', `services:\n  web:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "100000"]\n    environment: {MSG: "\${MSG}", SHELL_VAR: "\${FROM_SHELL}"}\n    secrets: [token]\n    build: .\n  worker:\n    image: ${TEST_IMAGE}\n    command: ["sleep", "100000"]\nsecrets:\n  token: {environment: TOKEN}\n`);
    write('replicas.yaml', 'services:\n  web:\n    deploy: {replicas: 3}\n');
    write('vars.env', 'MSG=from-env-file\nTOKEN=s3cret\n');
    const deploy = await berth('deploy', '-c', 'stack.yaml', '-c', 'replicas.yaml', '--env-file', 'vars.env', STACK);
    expect(deploy.err.join('\n')).toContain('Ignoring unsupported options: build (service web)');
    expect(deploy).toMatchObject({ code: 0 });
    expect(deploy.out).toEqual(expect.arrayContaining([`Creating service ${STACK}_web`, `Creating service ${STACK}_worker`]));

    const cliLs = jsonLines<{ Name: string; Services: string }>(await docker('stack', 'ls', '--format', '{{json .}}'));
    expect(cliLs.find((s) => s.Name === STACK)?.Services).toBe('2');
    expect((await berth('ls')).out).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${STACK}\\s+2$`))]));

    const replicas = await until(
      'docker stack services to converge',
      async () => Object.fromEntries(jsonLines<{ Name: string; Replicas: string }>(await docker('stack', 'services', STACK, '--format', '{{json .}}')).map((s) => [s.Name, s.Replicas])),
      (r) => r[`${STACK}_web`] === '3/3' && r[`${STACK}_worker`] === '1/1',
    );
    const services = await until('berth stack services to converge', () => berth('services', STACK), (r) => r.out.some((l) => l.includes(`${STACK}_web`) && l.includes('3/3')));
    expect(services.out[0]).toMatch(/^ID\s+NAME\s+MODE\s+REPLICAS\s+IMAGE\s+PORTS$/);
    for (const [name, count] of Object.entries(replicas)) expect(services.out.join('\n')).toMatch(new RegExp(`${name}\\s+replicated\\s+${count}\\s+${TEST_IMAGE.replace(/[.:]/g, '\\$&')}`));

    const ps = await berth('ps', STACK);
    expect(ps.out[0]).toMatch(/^ID\s+NAME\s+IMAGE\s+NODE\s+DESIRED STATE\s+CURRENT STATE\s+ERROR\s+PORTS$/);
    const cliPs = jsonLines<{ ID: string; Name: string; Node: string }>(await docker('stack', 'ps', STACK, '--filter', 'desired-state=running', '--format', '{{json .}}'));
    expect(cliPs).toHaveLength(4);
    const hostnames = new Set(swarm.info.nodes.map((n) => n.hostname));
    for (const t of cliPs) {
      expect(hostnames.has(t.Node)).toBe(true);
      expect(ps.out.some((l) => l.startsWith(t.ID) && l.includes(t.Name) && l.includes(t.Node) && /Running\s+Running/.test(l))).toBe(true);
    }

    const spec = JSON.parse(await docker('service', 'inspect', `${STACK}_web`)) as { Spec: { TaskTemplate: { ContainerSpec: { Env: string[] } } } }[];
    expect(spec[0]?.Spec.TaskTemplate.ContainerSpec.Env).toEqual(['MSG=from-env-file', 'SHELL_VAR=shell']);
  }, 120_000);

  it('names file:line for a bad file, and creates nothing', async () => {
    const bad = await berth('deploy', '-c', write('bad.yaml', `services:\n  web:\n    image: ${TEST_IMAGE}\n    ports: ["1/bogus"]\n`), `${STACK}-bad`);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/^Error: bad\.yaml:4:\d+: services\.web\.ports\[0\]: invalid port "1\/bogus"/);
    expect(await docker('stack', 'ls', '--format', '{{.Name}}')).not.toContain(`${STACK}-bad`);
  });

  it('says when the engine is not a manager, and when a stack does not exist', async () => {
    const worker = swarm.info.nodes.find((n) => n.role === 'worker');
    const r = await berth('ls', '--engine', worker?.endpoint ?? '');
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/is a swarm worker, not a manager\. Stacks are deployed through a manager/);
    expect(await berth('services', 'nosuchstack')).toMatchObject({ code: 1, err: ['Error: Nothing found in stack: nosuchstack'] });
    await expect(berth('deploy', STACK)).rejects.toThrow('berth stack deploy needs a compose file: -c FILE.');
  });

  it('removes the stack; docker stack ls no longer lists it', async () => {
    const rm = await berth('rm', STACK);
    expect(rm.code).toBe(0);
    expect(rm.out[0]).toBe(`Removing stack ${STACK}`);
    expect(rm.out.join('\n')).toContain(`${STACK}_web`);
    expect(await docker('stack', 'ls', '--format', '{{.Name}}')).not.toContain(STACK);
  });
});
