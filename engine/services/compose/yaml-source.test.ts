import { MAX_FILE_BYTES, parseComposeYaml } from './yaml-source';

describe('parseComposeYaml', () => {
  it('keeps line and column for every key path and list item', () => {
    const { parsed, problems } = parseComposeYaml('services:\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n');
    expect(problems).toEqual([]);
    expect(parsed?.positions.get('services.web.image')).toEqual({ line: 3, column: 5 });
    expect(parsed?.positions.get('services.web.ports[0]')).toEqual({ line: 5, column: 9 });
  });

  it('applies merge keys: explicit keys win, then the first merged map', () => {
    const text = ['x-a: &a {image: a, restart: always}', 'x-b: &b {image: b, user: b}', 'services:', '  web:', '    <<: [*a, *b]', '    image: mine'].join('\n');
    const { parsed } = parseComposeYaml(text);
    expect((parsed?.value as { services: unknown }).services).toEqual({ web: { image: 'mine', restart: 'always', user: 'b' } });
  });

  it('reads a plain 0440 as octal like docker compose, and leaves other numbers and quoted ones alone', () => {
    const text = ['a: 0440', 'b: "0440"', 'c: 0', 'd: 440', 'e: 08', 'f: 0o17', 'g: 0x1f', 'h: 0644'].join('\n');
    const { parsed, problems } = parseComposeYaml(text);
    expect(problems).toEqual([]);
    expect(parsed?.value).toEqual({ a: 0o440, b: '0440', c: 0, d: 440, e: 8, f: 0o17, g: 31, h: 0o644 });
  });

  it('rejects duplicate keys with their position', () => {
    const { parsed, problems } = parseComposeYaml('services:\n  web:\n    image: a\n    image: b\n');
    expect(parsed).toBeUndefined();
    expect(problems[0]?.message).toMatch(/unique/);
    expect(problems[0]?.pos?.line).toBe(4);
  });

  it('rejects a YAML bomb quickly and says so', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = performance.now();
    const { parsed, problems } = parseComposeYaml(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed).toBeUndefined();
    expect(problems[0]?.message).toMatch(/YAML bomb/);
  });

  it('bounds the expanded size even when each alias is used only a few times', () => {
    // 2^18 leaves through a chain of anchors each used twice: few aliases per anchor, huge expansion.
    const lines = ['l0: &l0 [x, x]'];
    for (let i = 1; i <= 18; i++) lines.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}]`);
    const { parsed, problems } = parseComposeYaml(lines.join('\n'));
    expect(parsed).toBeUndefined();
    expect(problems[0]?.message).toMatch(/YAML bomb/);
  });

  it('refuses oversized input before parsing', () => {
    const { problems } = parseComposeYaml(`x: "${'a'.repeat(MAX_FILE_BYTES)}"`);
    expect(problems[0]?.message).toMatch(/larger than/);
  });

  it('does not let a __proto__ key touch prototypes', () => {
    const { parsed } = parseComposeYaml('services:\n  __proto__:\n    polluted: true\n');
    const services = (parsed?.value as { services: Record<string, unknown> }).services;
    expect(Object.keys(services)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('records !reset (removing the key) and !override paths', () => {
    const { parsed } = parseComposeYaml('services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: "1"\n');
    expect(parsed?.value).toEqual({ services: { web: { environment: { A: '1' } } } });
    expect(parsed?.resets).toEqual([['services', 'web', 'ports']]);
    expect(parsed?.overrides).toEqual([['services', 'web', 'environment']]);
  });

  it('reports syntax errors with a position', () => {
    const { problems } = parseComposeYaml('services:\n  web: [unclosed\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.pos?.line).toBeGreaterThanOrEqual(2);
  });
});
