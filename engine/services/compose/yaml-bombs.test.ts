import { MAX_DEPTH, MAX_EXPANDED_CHARS, parseComposeYaml } from './yaml-source';

/** Parses `text` and returns the first problem and how long the refusal took. */
function refuse(text: string): { message: string; ms: number } {
  const started = performance.now();
  const { parsed, problems } = parseComposeYaml(text);
  const ms = performance.now() - started;
  expect(parsed).toBeUndefined();
  return { message: problems[0]?.message ?? '', ms };
}

describe('YAML bomb limits (by what aliases expand to)', () => {
  it('refuses a billion-laughs document (10^9 leaves) fast, naming the limit', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const { message, ms } = refuse(lines.join('\n'));
    expect(message).toMatch(/YAML bomb/);
    expect(message).toMatch(/nodes after expanding aliases/);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a few aliases of one long string that would expand past the character limit', () => {
    const chunk = 'x'.repeat(1024 * 1024);
    const uses = Math.ceil(MAX_EXPANDED_CHARS / chunk.length) + 1;
    const text = `s: &s "${chunk}"\nl: [${Array(uses).fill('*s').join(', ')}]\n`;
    expect(refuse(text).message).toMatch(/characters after expanding aliases/);
  });

  it('refuses a self-merging anchor instead of overflowing the stack', () => {
    expect(refuse('a: &a\n  b: 1\n  <<: *a\n').message).toMatch(/YAML bomb|levels deep/);
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `${'['.repeat(MAX_DEPTH + 5)}1${']'.repeat(MAX_DEPTH + 5)}`;
    expect(refuse(`x: ${deep}\n`).message).toMatch(/levels deep/);
  });

  it('loads a file with 1,200 alias uses whose expansion is small (an alias-count limit refused it)', () => {
    const services = Array.from({ length: 1200 }, (_, i) => `  s${i}: {<<: *d, image: "img${i}"}`);
    const { parsed, problems } = parseComposeYaml(['x-d: &d {restart: always}', 'services:', ...services].join('\n'));
    expect(problems).toEqual([]);
    const value = parsed?.value as { services: Record<string, { restart: string; image: string }> };
    expect(Object.keys(value.services)).toHaveLength(1200);
    expect(value.services.s1199).toEqual({ restart: 'always', image: 'img1199' });
  });
});
