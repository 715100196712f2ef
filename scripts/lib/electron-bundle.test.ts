import * as esbuild from 'esbuild';
// @ts-expect-error: a plain .mjs build helper without type declarations
import { electronMainOptions } from './electron-bundle.mjs';

// The Electron main process is CommonJS: esbuild warns about (and empties) `import.meta` there, which made the
// built-in template folder lookup throw in the desktop app. The build must give such modules a real file URL.
describe('the Electron main bundle', () => {
  it('builds without warnings and gives import.meta.url the bundle file URL', async () => {
    const result = await esbuild.build({
      ...(electronMainOptions as () => esbuild.BuildOptions)(),
      write: false,
      sourcemap: false,
      logLevel: 'silent',
    });
    expect(result.warnings.map((w) => w.text)).toEqual([]);
    const main = result.outputFiles.find((f) => f.path.endsWith('main.cjs'));
    const code = main?.text ?? '';
    expect(
      code.startsWith("const __berthImportMetaUrl = require('node:url').pathToFileURL(__filename).href;"),
    ).toBe(true);
    expect(code).not.toMatch(/import\.meta/);
    expect(code).toMatch(/fileURLToPath\)?\(__berthImportMetaUrl\)/);
  }, 60_000);
});
