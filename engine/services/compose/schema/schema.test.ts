import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateAgainstSchema } from '../validate';

const read = (name: string) => readFileSync(fileURLToPath(new URL(name, import.meta.url)));

describe('vendored compose-spec schema', () => {
  it('is the unmodified upstream file recorded in NOTICE', () => {
    const sha = createHash('sha256').update(read('./compose-spec.json')).digest('hex');
    expect(read('./NOTICE').toString()).toContain(`sha256 ${sha}`);
  });

  it('accepts current compose keys that the 2021 schemas lack (name, include, develop)', async () => {
    expect(await validateAgainstSchema({ name: 'x', include: ['a.yaml'], services: { web: { image: 'x', develop: { watch: [{ path: '.', action: 'sync', target: '/app' }] } } } })).toEqual([]);
  });

  it('folds oneOf branches into one sentence per place', async () => {
    expect(await validateAgainstSchema({ services: { web: { image: 'x', command: 3 } } })).toEqual([{ path: ['services', 'web', 'command'], message: 'must be null, a string or a list' }]);
  });
});
