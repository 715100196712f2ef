import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM module of the lint config, without type declarations
import { layersPlugin } from './layers.mjs';

const root = join(import.meta.dirname, '..', '..');
const linter = new Linter({ configType: 'flat' });

/** The layer rules' messages for one import written in `file` (a project path). */
function lint(file: string, spec: string): string[] {
  const config = [{ files: ['**/*.ts', '**/*.tsx'], plugins: { layers: layersPlugin as never }, rules: { 'layers/order': 'error' as const, 'layers/no-test-code': 'error' as const } }];
  return linter.verify(`import { x } from '${spec}';\nexport const y = x;\n`, config, { filename: join(root, file) }).map((m) => m.message);
}

describe('layer order lint rule', () => {
  it('lets a layer import its own and lower layers', () => {
    expect(lint('engine/services/images/service.ts', '../../base/errors')).toEqual([]);
    expect(lint('engine/services/images/service.ts', '../common/live-collection')).toEqual([]);
    expect(lint('engine/services/images/service.ts', '../tasks/task-manager')).toEqual([]);
    expect(lint('engine/host/create-backend.ts', '../services/images/handlers')).toEqual([]);
    expect(lint('engine/providers/embedded.ts', '../docker/client')).toEqual([]);
  });

  it('refuses an import of a higher layer', () => {
    expect(lint('engine/docker/client.ts', '../host/dispatcher')).toEqual([expect.stringContaining('engine/host is a higher layer')]);
    expect(lint('engine/base/errors.ts', '../services/context')).toEqual([expect.stringContaining('higher layer')]);
  });

  it('refuses another domain’s files and services reached from a host', () => {
    expect(lint('engine/services/system/prune.ts', '../volumes/backup')).toEqual([expect.stringContaining('engine/services/common')]);
    expect(lint('engine/cli/commands/compose.ts', '../../services/compose/service')).toEqual([expect.stringContaining('only through the dispatcher')]);
    expect(lint('engine/web/server.ts', '../cli/cli')).toEqual([expect.stringContaining('higher layer')]);
  });

  it('lets templates, and only templates, use the compose loader’s public entry (ADR 10)', () => {
    expect(lint('engine/services/templates/service.ts', '../compose/index')).toEqual([]);
    expect(lint('engine/services/templates/service.ts', '../compose')).toEqual([]);
    expect(lint('engine/services/templates/service.ts', '../compose/load')).toEqual([expect.stringContaining('engine/services/common')]);
    expect(lint('engine/services/images/service.ts', '../compose/index')).toEqual([expect.stringContaining('engine/services/common')]);
    expect(lint('engine/services/images/service.ts', '../compose')).toEqual([expect.stringContaining('engine/services/common')]);
  });

  it('keeps test code out of production code, but lets tests reach up', () => {
    expect(lint('renderer/src/features/images/ImagesPage.tsx', '../../testing/fakeClient')).toEqual([expect.stringContaining('is test code')]);
    expect(lint('engine/services/images/images.int.test.ts', '../testing/backend')).toEqual([]);
    expect(lint('engine/services/testing/backend.ts', '../../host/create-backend')).toEqual([]);
  });
});
