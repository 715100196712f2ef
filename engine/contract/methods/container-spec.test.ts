import { describe, expect, it } from 'vitest';
import {
  containerSpecSchema,
  imageReferenceProblem,
  joinShellWords,
  parseByteSize,
  parseEnvFile,
  splitShellWords,
} from './container-spec';

describe('imageReferenceProblem', () => {
  it.each([
    'nginx',
    'nginx:1.27',
    'library/nginx:latest',
    'localhost:5000/team/app:v1',
    'ghcr.io/o/r@sha256:' + 'a'.repeat(64),
    'sha256:' + 'b'.repeat(64),
    'abcdef123456',
  ])('accepts %s', (ref) => expect(imageReferenceProblem(ref)).toBeUndefined());
  it.each([
    ['', 'Choose an image'],
    [' nginx', 'An image reference has no spaces around it'],
    ['nginx::1', '"nginx::1" is not a valid image reference (e.g. nginx:1.27 or registry:5000/team/app)'],
    ['Nginx', '"Nginx" is not a valid image reference (e.g. nginx:1.27 or registry:5000/team/app)'],
    ['Team/app', 'Repository names must be lower case'],
  ])('rejects %j', (ref, message) => expect(imageReferenceProblem(ref)).toBe(message));
});

describe('parseEnvFile (docker --env-file)', () => {
  it('takes values literally, skips comments and blank lines, and inherits bare names when set', () => {
    const text = '\uFEFF# comment\nA=1\n  B="quoted stays"\nC=x=y\n\nD\nE\nF=\r\n';
    const lookup = (n: string) => (n === 'D' ? 'from-env' : undefined);
    expect(parseEnvFile(text, lookup)).toEqual({
      env: { A: '1', B: '"quoted stays"', C: 'x=y', D: 'from-env', F: '' },
      problems: [],
    });
  });
  it('reports lines it cannot use', () => {
    expect(parseEnvFile('=x\nBAD KEY=1\nOK=1').problems).toEqual([
      'line 1: no variable name before "="',
      'line 2: variable "BAD KEY" contains whitespace',
    ]);
  });
});

describe('parseByteSize', () => {
  it.each([
    ['512m', 512 * 1024 ** 2],
    ['1.5g', 1.5 * 1024 ** 3],
    ['2 GiB', 2 * 1024 ** 3],
    ['64MB', 64 * 1024 ** 2],
    ['1048576', 1048576],
    ['10b', 10],
  ])('%s → %d', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));
  it.each(['', 'lots', '5x', '-1m'])('%j is unreadable', (text) =>
    expect(parseByteSize(text)).toBeUndefined(),
  );
});

describe('containerSpecSchema', () => {
  it('fills defaults for a minimal spec', () => {
    expect(containerSpecSchema.parse({ image: 'nginx' })).toMatchObject({
      image: 'nginx',
      ports: [],
      env: {},
      volumes: [],
      labels: {},
      capAdd: [],
      privileged: false,
    });
  });
  it('reports each bad field at its own path', () => {
    const r = containerSpecSchema.safeParse({
      name: 'a',
      image: 'nginx',
      volumes: [{ type: 'bind', source: 'relative', target: 'data' }],
      memory: 1024,
      autoRemove: true,
      restartPolicy: { name: 'always' },
    });
    expect(r.success).toBe(false);
    const issues = r.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['name', 'Use at least 2 characters: letters, digits, _ . or -, starting with a letter or digit'],
        ['volumes.0.target', 'The path in the container must be absolute (start with /)'],
        ['memory', 'Memory must be at least 6 MB'],
      ]),
    );
    const onlyConflict = containerSpecSchema.safeParse({
      image: 'nginx',
      autoRemove: true,
      restartPolicy: { name: 'always' },
    });
    expect(onlyConflict.error?.issues.map((i) => i.path.join('.'))).toEqual(['autoRemove']);
  });
});

describe('splitShellWords / joinShellWords', () => {
  it('splits like a shell, without expansion', () => {
    expect(splitShellWords(`sh -c "mkdir -p /www && echo \\"hi\\" > /x" 'a b'  c\\ d $HOME`)).toEqual([
      'sh',
      '-c',
      'mkdir -p /www && echo "hi" > /x',
      'a b',
      'c d',
      '$HOME',
    ]);
    expect(splitShellWords('  ')).toEqual([]);
    expect(splitShellWords("echo ''")).toEqual(['echo', '']);
    expect(splitShellWords('echo "open')).toBeUndefined();
  });
  it('round-trips through joinShellWords', () => {
    const words = ['sh', '-c', `echo "it's" && exit 1`, '', 'plain'];
    expect(splitShellWords(joinShellWords(words))).toEqual(words);
  });
});
