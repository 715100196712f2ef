import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImage, startTestEngine, TEST_IMAGE, type TestEngine } from '../../../e2e/harness/engine';
import { createBackend } from '../../host/create-backend';
import { openMemoryStore, openStore } from '../../store/sqlite';
import { recordingIo } from '../testing/io';
import { composeCommand, type ComposeDeps } from './compose';
import type { TerminalIo } from '../terminal';

let engine: TestEngine;
let dir = '';
let dataDir = '';

beforeAll(async () => {
  engine = await startTestEngine();
  await ensureTestImage(engine.docker);
  dir = mkdtempSync(path.join(os.tmpdir(), 'berth-cli-compose-'));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'berth-cli-data-'));
  writeFileSync(
    path.join(dir, 'compose.yaml'),
    `services:\n  db:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sh -c "echo db ready; sleep 1000"\n  web:\n    image: ${TEST_IMAGE}\n    init: true\n    command: sleep 1000\n    depends_on: [db]\n`,
  );
});
afterAll(async () => {
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const deps = (): ComposeDeps => ({
  openStore,
  openMemoryStore,
  createBackend,
  // --engine is always given here: discovery and probes must not be consulted.
  engines: () => Promise.reject(new Error('discovery must not run with --engine')),
  waitForShutdownSignal: () => new Promise<string>(() => undefined),
  cwd: dir,
});

async function berth(...args: string[]) {
  return berthWith({}, ...args);
}

async function berthWith(extra: Partial<ComposeDeps>, ...args: string[]) {
  const rec = recordingIo();
  const code = await composeCommand(['--engine', engine.endpoint, '--data-dir', dataDir, ...args], rec.io, { ...deps(), ...extra });
  return { code, out: rec.out, err: rec.err };
}

/**
 * A terminal stand-in: `input` as stdin (a pipe that ends after it; a terminal stays open, as a user's does),
 * a TTY of 24x80 when `tty`, raw output collected.
 */
function fakeTerminal(input: string, tty: boolean) {
  const raw: Buffer[] = [];
  const modes: boolean[] = [];
  const stdin = new PassThrough();
  stdin.write(input);
  if (!tty) stdin.end();
  const terminal: TerminalIo = {
    stdin,
    size: () => (tty ? { rows: 24, columns: 80 } : undefined),
    setRaw: (on) => modes.push(on),
    onResize: () => () => undefined,
    writeRaw: (c) => raw.push(c),
    release: () => stdin.end(),
  };
  return { terminal, raw: () => Buffer.concat(raw).toString('utf8'), modes };
}

describe('berth compose against a real engine', () => {
  it('up -d prints compose-style progress, ps lists the services, run exits with the command\'s code, down cleans up', async () => {
    const up = await berth('-p', 'clitest', 'up', '-d');
    expect(up.code).toBe(0);
    expect(up.err).toEqual(expect.arrayContaining([' Network clitest_default  Created', ' Container clitest-db-1  Started', ' Container clitest-web-1  Started']));
    expect(up.err.indexOf(' Container clitest-db-1  Started')).toBeLessThan(up.err.indexOf(' Container clitest-web-1  Starting'));

    const ps = await berth('-p', 'clitest', 'ps');
    expect(ps.code).toBe(0);
    expect(ps.out[0]).toMatch(/^NAME\s+IMAGE\s+COMMAND\s+SERVICE\s+CREATED\s+STATUS\s+PORTS$/);
    expect(ps.out.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['clitest-db-1', 'clitest-web-1']);

    const logs = await berth('-p', 'clitest', 'logs', 'db');
    expect(logs.out).toEqual(['clitest-db-1  | db ready']);

    const run = await berth('-p', 'clitest', 'run', '--rm', 'web', 'sh', '-c', 'echo one-off; exit 3');
    expect(run.code).toBe(3);
    expect(run.out).toEqual(['one-off']);
    const oneOffs = await engine.docker.listContainers({ all: true, filters: { label: ['com.docker.compose.oneoff=True'] } });
    expect(oneOffs).toEqual([]);

    const down = await berth('-p', 'clitest', 'down');
    expect(down.code).toBe(0);
    expect(down.err).toContain(' Network clitest_default  Removed');
    expect(await engine.docker.listContainers({ all: true, filters: { label: ['com.docker.compose.project=clitest'] } })).toEqual([]);
  });

  it('exits 1 with file:line:column when the file is invalid, and names the failing service when up fails', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), `services:\n  web:\n    image: ${TEST_IMAGE}\n    ports: ["not-a-port"]\n`);
    const bad = await berth('-f', 'bad.yaml', 'config');
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/^Error: bad\.yaml:4:\d+: services\.web\.ports\[0\]: /);

    writeFileSync(path.join(dir, 'ghost.yaml'), `services:\n  ghost:\n    image: berth-test/none:1\n    pull_policy: never\n    gpus: all\n`);
    const ghost = await berth('-f', 'ghost.yaml', '-p', 'ghost', 'up', '-d');
    expect(ghost.code).toBe(1);
    // A field Berth ignores is named in up's output, not dropped silently.
    expect(ghost.err[0]).toMatch(/^WARN services\.\*\.gpus \(service ghost\) is accepted but ignored by Berth/);
    expect(ghost.err.at(-1)).toMatch(/^Error: Service "ghost" failed to get its image: Image "berth-test\/none:1"/);

    writeFileSync(path.join(dir, 'restart.yaml'), `services:\n  odd:\n    image: ${TEST_IMAGE}\n    restart: sometimes\n`);
    const odd = await berth('-f', 'restart.yaml', '-p', 'odd', 'up', '-d');
    expect(odd.code).toBe(1);
    expect(odd.err.at(-1)).toBe('Error: Service "odd" failed to start: restart "sometimes" is not one of no, always, on-failure[:N], unless-stopped. Fix the compose file and run up again.');
  });

  it('run passes piped input to the one-off, and gives it a terminal (raw mode, size) when the user has one', async () => {
    const piped = fakeTerminal('hello from stdin\n', false);
    const cat = await berthWith({ terminal: piped.terminal }, '-p', 'clitty', 'run', '--rm', '--no-deps', 'web', 'cat');
    expect(cat.err).toEqual([]);
    expect(cat).toMatchObject({ code: 0, out: ['hello from stdin'] });
    expect(piped.modes).toEqual([]);

    const term = fakeTerminal('echo "rows cols: $(stty size)"; exit 5\n', true);
    const shell = await berthWith({ terminal: term.terminal }, '-p', 'clitty', 'run', '--rm', '--no-deps', 'web', 'sh');
    expect(shell.code).toBe(5);
    expect(term.raw()).toContain('rows cols: 24 80');
    expect(term.modes).toEqual([true, false]);

    const noTty = fakeTerminal('', true);
    const plain = await berthWith({ terminal: noTty.terminal }, '-p', 'clitty', 'run', '--rm', '--no-deps', '-T', 'web', 'sh', '-c', 'test -t 0 || echo no terminal');
    expect(plain).toMatchObject({ code: 0, out: ['no terminal'] });
    expect(await engine.docker.listContainers({ all: true, filters: { label: ['com.docker.compose.project=clitty'] } })).toEqual([]);
  });
});
