import { describe, expect, it } from 'vitest';
import type { TemplateParameter } from '../../contract';
import { parseDotEnv } from '../compose/dotenv';
import { resolveValues, toDotenv } from './params';

const params: TemplateParameter[] = [
  { name: 'PORT', label: 'Port', default: '8080', required: true, secret: false, pattern: '[0-9]{1,5}' },
  { name: 'MODE', label: 'Mode', required: false, secret: false, options: [{ value: 'dev' }, { value: 'prod' }] },
  { name: 'PASSWORD', label: 'Password', required: true, secret: true, pattern: '.{8,}' },
];

describe('parameter values', () => {
  it('uses given values, else defaults; unset optional parameters are empty', () => {
    expect(resolveValues(params, { PASSWORD: 'long enough' })).toEqual({ PORT: '8080', MODE: '', PASSWORD: 'long enough' });
    expect(resolveValues(params, { PORT: '80', MODE: 'prod', PASSWORD: '12345678' })).toEqual({ PORT: '80', MODE: 'prod', PASSWORD: '12345678' });
  });

  it('collects every problem: required, pattern (whole value), options, unknown names; never echoes a secret', () => {
    let details: unknown;
    try {
      resolveValues(params, { PORT: '80a', MODE: 'test', PASSWORD: 'short', COLOR: 'red' });
    } catch (err) {
      details = (err as { details?: unknown }).details;
      expect((err as Error).message).toMatch(/^COLOR: the template has no parameter COLOR .*\(and 3 more\)$/);
    }
    expect(details).toEqual({
      problems: [
        { parameter: 'COLOR', message: 'the template has no parameter COLOR (it has PORT, MODE, PASSWORD)' },
        { parameter: 'PORT', message: '"80a" does not match the pattern of Port ([0-9]{1,5})' },
        { parameter: 'MODE', message: '"test" is not one of the choices for Mode: dev, prod' },
        { parameter: 'PASSWORD', message: 'the value does not match the pattern of Password (.{8,})' },
      ],
    });
    expect(() => resolveValues(params, {})).toThrow(/PASSWORD: Password is required/);
    expect(() => resolveValues(params, { PASSWORD: 'two\nlines!!' })).toThrow(/single line/);
  });

  it('writes a .env compose reads back to exactly the same values', () => {
    const values = { A: 'plain', B: "it's $HOME and \\n", C: '${NOT_INTERPOLATED}', D: '', E: 'say "hi" # not a comment' };
    expect(parseDotEnv(toDotenv(values), () => 'WRONG')).toEqual(values);
  });
});
