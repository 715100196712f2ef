// Build-time compilation of the compose-spec validator: an esbuild plugin that replaces
// engine/services/compose/schema/validator.ts with ajv's standalone code for the same schema and options, so a
// bundled `berth` does not spend about a second compiling the schema on every start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { root } from './paths.mjs';

const schemaFile = join(root, 'engine', 'services', 'compose', 'schema', 'compose-spec.json');
const validatorFile = /[\\/]engine[\\/]services[\\/]compose[\\/]schema[\\/]validator\.ts$/;

/** The options validator.ts gives ajv, read from its source so the two can never differ. */
function ajvOptions() {
  const source = readFileSync(join(root, 'engine', 'services', 'compose', 'schema', 'validator.ts'), 'utf8');
  const m = /COMPOSE_SPEC_AJV_OPTIONS: Options = (\{[^}]*\})/.exec(source);
  if (!m) throw new Error('compose-schema: COMPOSE_SPEC_AJV_OPTIONS not found in validator.ts');
  return Function(`return (${m[1]});`)();
}

/** ES module source exporting composeSpecValidator(), as validator.ts does, with the validator precompiled. */
export function precompiledValidatorSource() {
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const ajv = new Ajv({ ...ajvOptions(), code: { source: true, esm: true } });
  let code = standaloneCode(ajv, ajv.compile(schema));
  // ajv's ESM output still require()s its runtime helpers (CommonJS modules exporting `default`); imports work in
  // every bundle format. Node's ESM gives module.exports as `default`, esbuild's CommonJS interop gives its
  // `default`: runtimeModule() hands the generated code the { default } shape it expects either way.
  const imports = [];
  code = code.replace(/require\("([^"]+)"\)/g, (_m, id) => {
    imports.push(`import * as __ajvRuntime${imports.length} from '${id}.js';`);
    return `__ajvRuntimeModule(__ajvRuntime${imports.length - 1})`;
  });
  const helper = 'function __ajvRuntimeModule(ns) { const m = ns.default; return m && m.__esModule && "default" in m ? m : { default: m }; }';
  return `${imports.join('\n')}\n${helper}\n${code}\nexport function composeSpecValidator() { return validate; }\n`;
}

/** esbuild plugin: serves the precompiled validator in place of validator.ts. */
export function precompiledComposeSchema() {
  return {
    name: 'berth-compose-schema',
    setup(build) {
      build.onLoad({ filter: validatorFile }, () => ({ contents: precompiledValidatorSource(), loader: 'js', resolveDir: root }));
    },
  };
}
