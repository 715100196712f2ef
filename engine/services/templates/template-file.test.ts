import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate, type Template } from './template-file';
import { yamlBomb } from './testing/samples';

const sample: Template = {
  metadata: { title: 'Shop', description: 'Costs $5 a month', categories: ['Web'], documentation: '# Shop\nUse `$HOME`.', version: '2' },
  parameters: [
    { name: 'PORT', label: 'Port', default: '8080', required: true, secret: false, pattern: '[0-9]+' },
    { name: 'MODE', label: 'MODE', required: false, secret: false, options: [{ value: 'a' }, { value: 'b', label: 'Bee' }], default: 'a' },
    { name: 'TOKEN', label: 'Token', required: true, secret: true },
  ],
  compose: { services: { web: { image: 'shop:1', ports: ['${PORT}:80'], environment: { MODE: '${MODE}', TOKEN: '${TOKEN}' } } } },
};

describe('template files', () => {
  it('round-trips: template → compose.yaml → the same template, `$` in metadata escaped as compose does', () => {
    const text = renderTemplate(sample);
    expect(text.startsWith('x-berth:\n  title: Shop\n')).toBe(true);
    expect(text).toContain('description: Costs $$5 a month');
    expect(parseTemplate(text, 't')).toEqual(sample);
  });

  it('accepts a category as one string and options as plain strings', () => {
    const t = parseTemplate('x-berth:\n  title: A\n  categories: Tools\n  parameters:\n    X: { options: [one, two] }\nservices: { a: { image: busybox } }\n', 't');
    expect(t.metadata.categories).toEqual(['Tools']);
    expect(t.parameters[0]).toEqual({ name: 'X', label: 'X', required: false, secret: false, options: [{ value: 'one' }, { value: 'two' }] });
  });

  it('refuses invalid templates with errors that name the problem', () => {
    const svc = 'services: { a: { image: busybox } }\n';
    expect(() => parseTemplate(`x-berth: { description: x }\n${svc}`, 't')).toThrow(/x-berth.title/);
    expect(() => parseTemplate(`x-berth: { title: A, colour: red }\n${svc}`, 't')).toThrow(/colour/);
    expect(() => parseTemplate(`x-berth: { title: A, parameters: { 1X: {} } }\n${svc}`, 't')).toThrow(/x-berth.parameters.1X/);
    expect(() => parseTemplate(`x-berth: { title: A, parameters: { X: { pattern: "[" } } }\n${svc}`, 't')).toThrow(/invalid pattern/);
    expect(() => parseTemplate(`x-berth: { title: A, parameters: { X: { default: c, options: [a, b] } } }\n${svc}`, 't')).toThrow(/not one of its options/);
    expect(() => parseTemplate('x-berth: { title: A }\n', 't')).toThrow(/defines no services/);
    expect(() => parseTemplate(svc, 't')).toThrow(/no x-berth block/);
  });

  it('refuses path traversal in template files, but not absolute host paths', () => {
    const head = 'x-berth: { title: A }\n';
    const cases = [
      'services: { a: { image: x, volumes: ["../../etc:/host"] } }',
      'services: { a: { build: ../.. } }',
      'services: { a: { image: x, env_file: [ok.env, ../secret.env] } }',
      'services: { a: { image: x, volumes: [{ type: bind, source: ./a/../../b, target: /b }] } }',
      'services: { a: { image: x } }\nsecrets: { s: { file: ../../id_rsa } }',
      'include: [../other/compose.yaml]\nservices: { a: { image: x } }',
    ];
    for (const c of cases) expect(() => parseTemplate(head + c, 't'), c).toThrow(/outside its folder/);
    expect(parseTemplate(`${head}services: { a: { image: x, volumes: ["/var/run/docker.sock:/var/run/docker.sock", "./data:/data", "named:/n"] } }`, 't').compose.services).toBeDefined();
  });

  it('refuses YAML bombs through the compose loader’s limits', () => {
    expect(() => parseTemplate(`x-berth: { title: A }\n${yamlBomb}`, 'bomb.yaml')).toThrow(/YAML bomb/);
  });
});
