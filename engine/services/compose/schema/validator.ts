import { Ajv, type Options, type ValidateFunction } from 'ajv';
import composeSpec from './compose-spec.json' with { type: 'json' };

/**
 * ajv's options for the compose-spec schema. The vendored file names the draft by an https URL ajv does not
 * register; the schema itself is draft-07, ajv's default. `deprecated` is an annotation strict mode would reject.
 */
export const COMPOSE_SPEC_AJV_OPTIONS: Options = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true };

/** The schema as ajv compiles it (without its `$schema` URL). */
export function composeSpecSchema(): Record<string, unknown> {
  const { $schema: _draft, ...schema } = composeSpec as Record<string, unknown>;
  return schema;
}

/**
 * Compiles the validator at run time (tests, and code run from source). Compiling takes about a second, so the
 * CLI and Electron bundles replace this module with the same validator precompiled by ajv's standalone code
 * generation (scripts/lib/compose-schema.mjs, used by scripts/build.mjs).
 */
export function composeSpecValidator(): ValidateFunction {
  return new Ajv(COMPOSE_SPEC_AJV_OPTIONS).compile(composeSpecSchema());
}
