// How the Electron main process is bundled: shared by scripts/build.mjs and its test
// (scripts/lib/electron-bundle.test.ts), so the test sees what the build makes.
import { precompiledComposeSchema } from './compose-schema.mjs';
import { nodeBundleBase, targets } from './paths.mjs';

/**
 * esbuild options for dist/electron/main.cjs. Electron loads the main process as CommonJS, where `import.meta`
 * is empty: modules that find files next to themselves (the built-in templates) get the bundle's own file URL.
 */
export function electronMainOptions() {
  return {
    entryPoints: [targets.electronMain.entry],
    outfile: targets.electronMain.out,
    ...nodeBundleBase,
    format: 'cjs',
    packages: 'external',
    plugins: [precompiledComposeSchema()],
    external: ['electron'],
    define: { 'import.meta.url': '__berthImportMetaUrl' },
    banner: { js: "const __berthImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
}
