import { COVERAGE_RULES, coverageWarnings } from './coverage';
import { useProjectFolder } from './testing/load';
import { validateText } from './project/editor-validate';

const folder = useProjectFolder();

describe('compose-spec coverage: accepted fields Berth does not act on are never dropped silently', () => {
  it.each(COVERAGE_RULES.map((r) => [r.path, r] as const))('%s produces its warning', async (_path, rule) => {
    folder.write({ 'compose.yaml': rule.sample, 's.txt': 'x', 'labels': 'a=b\n', 'more/.keep': '' });
    const project = await folder.load();
    const mine = project.warnings.filter((w) => w.startsWith(`${rule.path} `));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(rule.why);
    expect(mine[0]).toMatch(rule.kind === 'ignored' ? /accepted but ignored by Berth/ : /'up' refuses it/);
  });

  it('names the services that use a field, once per field', () => {
    const services = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => [n, { image: 'x', develop: {}, gpus: 'all' }]));
    const warnings = coverageWarnings({ services: { ...services, plain: { image: 'x' } } });
    expect(warnings.filter((w) => w.startsWith('services.*.develop'))).toEqual([
      'services.*.develop (services a, b, c, d, e and 2 more) is accepted but ignored by Berth: watch mode (compose watch) is not implemented',
    ]);
    expect(warnings).toHaveLength(2);
  });

  it('leaves out services disabled by profiles', async () => {
    folder.write({ 'compose.yaml': 'services:\n  app: {image: x}\n  dev: {image: x, profiles: [dev], develop: {watch: [{action: rebuild, path: .}]}}\n' });
    expect((await folder.load()).warnings).toEqual([]);
    expect((await folder.load({ profiles: ['dev'] })).warnings).toEqual([expect.stringMatching(/^services\.\*\.develop \(service dev\)/)]);
  });

  it("reaches the editor's problems list as warnings through compose.validate's loader", async () => {
    const problems = await validateText('services:\n  app:\n    image: x\n    gpus: all\n');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^services\.\*\.gpus \(service app\) is accepted but ignored/) as unknown })]);
  });
});
