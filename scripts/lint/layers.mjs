// The engine's layer order, lowest first, as a lint rule: a file may import only from its own layer or a lower
// one, and a service domain may reach another domain's files only through services/common (cross-domain helpers)
// or the two domains every service is built on (engine: the connection; tasks: the task manager).
//
//   contract → base → docker · providers · store → services → host → web → cli · electron
//
// Tests and test helpers (`*.test.ts[x]`, `testing/` folders) may reach up (an integration test builds a whole
// backend); production code may not import them (rule `layers/no-test-code`).
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const LAYERS = [['engine/contract'], ['engine/base'], ['engine/docker', 'engine/providers', 'engine/store'], ['engine/services'], ['engine/host'], ['engine/web'], ['engine/cli', 'electron']];
const SHARED_DOMAINS = new Set(['common', 'engine', 'tasks']);
// A domain's public entry (its index file) and the only domains that may import it (ADR 10). The compose loader
// is pure functions over files, which templates validate and preview with; compose's use cases (up, the project
// list) are reached through ctx.call and the dispatcher, never through its files.
const PUBLIC_ENTRIES = new Map([['engine/services/compose', new Set(['templates', 'stacks'])]]);
/** The folder a path names when it is that folder's index file (`x`, `x/index`, `x/index.ts`), else undefined. */
const entryFolder = (rel) => rel.replace(/\/index(\.[cm]?[jt]sx?)?$/, '');

/** [layer index, folder] of a project path, or undefined outside the engine/electron layers. */
function layerOf(rel) {
  for (const [i, folders] of LAYERS.entries()) {
    const folder = folders.find((f) => rel === f || rel.startsWith(`${f}/`));
    if (folder) return [i, folder];
  }
  return undefined;
}

const isFolder = (rel) => statSync(resolve(root, rel), { throwIfNoEntry: false })?.isDirectory() === true;
const isTestCode = (rel) => /\.test\.tsx?$/.test(rel) || /(^|\/)testing(\/|$)/.test(rel);
/** The domain folder of a path under engine/services ('' for the kit files directly in it). */
const domainOf = (rel) => {
  const parts = rel.split('/');
  return parts.length > 3 ? parts[2] : '';
};

const rule = {
  meta: { type: 'problem', schema: [], messages: { up: '{{from}} may not import {{to}}: {{why}}' } },
  create(context) {
    const file = relative(root, context.filename);
    const from = layerOf(file);
    if (!from || isTestCode(file)) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), spec));
      const to = layerOf(target);
      if (!to) return;
      const report = (why) => context.report({ node: node.source, messageId: 'up', data: { from: from[1], to: target, why } });
      if (to[0] > from[0]) return report(`${to[1]} is a higher layer (order: ${LAYERS.map((l) => l.join(' · ')).join(' → ')}).`);
      if (to[0] === from[0] && to[1] !== from[1] && from[0] !== 2) return report(`${from[1]} and ${to[1]} are separate hosts of the same layer.`);
      if (from[1] === 'engine/services' && to[1] === 'engine/services') {
        const a = domainOf(file);
        // `../compose` names the compose folder (its index), which is compose's, not a kit file.
        const b = isFolder(target) ? target.split('/')[2] : domainOf(target);
        const viaEntry = PUBLIC_ENTRIES.get(entryFolder(target))?.has(a) === true;
        if (a && b && a !== b && !SHARED_DOMAINS.has(b) && !viaEntry) report(`one service domain does not import another's files; move what both use to engine/services/common.`);
      }
      if (to[1] === 'engine/services' && from[0] > 4) report('hosts reach services only through the dispatcher (engine/host).');
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/** Test helpers live in `testing/` folders (and tests in `*.test.ts[x]`); production code never imports them. */
const noTestCode = {
  meta: { type: 'problem', schema: [], messages: { test: '{{to}} is test code; production code may not import it.' } },
  create(context) {
    const file = relative(root, context.filename);
    if (isTestCode(file) || file.startsWith('e2e/') || file.startsWith('bench/')) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), spec));
      if (isTestCode(target)) context.report({ node: node.source, messageId: 'test', data: { to: target } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const layersPlugin = { rules: { order: rule, 'no-test-code': noTestCode } };
