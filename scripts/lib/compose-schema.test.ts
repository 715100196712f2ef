import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { composeSpecValidator } from '../../engine/services/compose/schema/validator';
// @ts-expect-error: a plain .mjs build helper without type declarations
import { precompiledValidatorSource } from './compose-schema.mjs';

// The bundles use the validator ajv generates at build time; it must judge documents exactly as the validator
// compiled at run time does (same schema, same options), errors included.
const documents: unknown[] = [
  { services: { web: { image: 'nginx', ports: ['80:80'], depends_on: { db: { condition: 'service_healthy' } } }, db: { image: 'postgres' } } },
  { services: { web: { image: ['not', 'a', 'string'], bogus: 1 } }, frobnicate: true },
  { services: { web: { build: { context: '.', args: { A: 1 } }, healthcheck: { test: 'true', retries: 'x' } } }, networks: { n: { external: 'yes' } } },
  { services: { web: { image: 'x', deploy: { resources: { limits: { cpus: 0.5 } } }, volumes: [{ type: 'bind', source: '.', target: '/x', bind: { propagation: 1 } }] } } },
];

describe('the compose-spec validator precompiled at build time', () => {
  const dir = mkdtempSync(path.join(process.cwd(), '.compose-schema-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same verdicts and errors as the run-time compiled one', async () => {
    const file = path.join(dir, 'validator.mjs');
    writeFileSync(file, (precompiledValidatorSource as () => string)());
    const { composeSpecValidator: precompiled } = (await import(pathToFileURL(file).href)) as { composeSpecValidator: () => ValidateFunction };
    const built = precompiled();
    const runtime = composeSpecValidator();
    for (const doc of documents) {
      expect(built(doc)).toBe(runtime(doc));
      const strip = (errors: ValidateFunction['errors']) => (errors ?? []).map((e) => ({ path: e.instancePath, keyword: e.keyword, params: e.params }));
      expect(strip(built.errors)).toEqual(strip(runtime.errors));
    }
    expect(built(documents[0])).toBe(true);
    expect(built(documents[1])).toBe(false);
    // Compiling the schema twice (ajv's code generation, then the run-time validator) takes seconds on a busy machine.
  }, 60_000);
});
