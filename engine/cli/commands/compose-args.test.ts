import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { parseComposeArgs, parseScale, parseTimeout } from './compose-args';

const parse = (argv: string[]) => parseComposeArgs(argv, '/home/me/app');

describe('berth compose arguments', () => {
  it('reads global options before the command, resolving paths from the current folder', () => {
    const inv = parse(['-f', 'compose.yaml', '-f', '/abs/extra.yml', '-p', 'shop', '--project-directory', '..', '--env-file', 'prod.env', '--profile', 'debug', '--profile', 'tools', 'up', '-d', 'web', 'db']);
    expect(inv.global).toEqual({
      files: ['/home/me/app/compose.yaml', '/abs/extra.yml'],
      projectName: 'shop',
      projectDirectory: '/home/me',
      envFiles: ['/home/me/app/prod.env'],
      profiles: ['debug', 'tools'],
    });
    expect(inv.command).toBe('up');
    expect(inv.flags.detach).toBe(true);
    expect(inv.args).toEqual(['web', 'db']);
  });

  it('does not take a file or project named like a command for the command', () => {
    const inv = parse(['-f', 'up', '-p', 'logs', 'ps']);
    expect(inv.global.files).toEqual(['/home/me/app/up']);
    expect(inv.global.projectName).toBe('logs');
    expect(inv.command).toBe('ps');
  });

  it('maps down, logs and up flags like docker compose', () => {
    expect(parse(['down', '-v', '--rmi', 'local', '--remove-orphans', '-t', '3']).flags).toMatchObject({ volumes: true, rmi: 'local', 'remove-orphans': true, timeout: '3' });
    expect(parse(['logs', '-f', '-n', '20', '-t', 'web']).flags).toMatchObject({ follow: true, tail: '20', timestamps: true });
    expect(parse(['up', '--build', '--pull', 'never', '--force-recreate', '--no-start']).flags).toMatchObject({ build: true, pull: 'never', 'force-recreate': true, 'no-start': true });
    expect(parse(['--engine', 'unix:///tmp/d.sock', 'ps', '-a', '-q']).global.engine).toBe('unix:///tmp/d.sock');
  });

  it('stops reading run options at the service: the command keeps its own flags', () => {
    const inv = parse(['run', '--rm', '-e', 'A=1', '--name', 'once', 'web', 'sh', '-c', 'echo hi', '--rm']);
    expect(inv.flags).toMatchObject({ rm: true, env: ['A=1'], name: 'once' });
    expect(inv.args).toEqual(['web', 'sh', '-c', 'echo hi', '--rm']);
  });

  it('turns mistakes into usage errors that say what is wrong', () => {
    expect(() => parse(['up', '--force-recreate', '--no-recreate'])).toThrow(/cannot be combined/);
    expect(() => parse(['up', '--pull', 'sometimes'])).toThrow(/--pull must be missing, always or never/);
    expect(() => parse(['down', '--rmi', 'some'])).toThrow(/--rmi must be local or all/);
    expect(() => parse(['down', 'web'])).toThrow(/down takes no service names/);
    expect(() => parse(['run'])).toThrow(/run needs a service name/);
    expect(() => parse(['-p', 'Bad Name', 'ps'])).toThrow(/not a valid project name/);
    expect(() => parse(['frob'])).toThrow(UsageError);
    expect(() => parse(['up', '--bogus'])).toThrow(/Unknown option '--bogus'/);
    expect(() => parse(['logs', '--tail', 'many'])).toThrow(/--tail must be a number or "all"/);
    expect(() => parse(['--engine', 'http://x', 'ps'])).toThrow(/--engine must be/);
  });

  it('gives help without a command or with --help', () => {
    expect(parse([]).command).toBe('help');
    expect(parse(['--help']).command).toBe('help');
    expect(parse(['up', '--help'])).toMatchObject({ command: 'help', args: ['up'] });
  });

  it('parses --timeout and --scale values', () => {
    expect(parseTimeout('10')).toBe(10);
    expect(parseTimeout(undefined)).toBeUndefined();
    expect(() => parseTimeout('1.5')).toThrow(/whole number/);
    expect(parseScale(['web=3', 'db=0'])).toEqual({ web: 3, db: 0 });
    expect(() => parseScale(['web'])).toThrow(/SERVICE=NUMBER/);
  });

  it('takes --wait with a --wait-timeout of whole seconds', () => {
    expect(parse(['up', '--wait', '--wait-timeout', '30']).flags).toMatchObject({ wait: true, 'wait-timeout': '30' });
    expect(() => parse(['up', '--wait', '--wait-timeout', 'soon'])).toThrow(/--wait-timeout must be a whole number of seconds, not "soon"/);
    expect(() => parse(['up', '--wait', '--wait-timeout', '0'])).toThrow(/at least 1 second/);
  });
});
