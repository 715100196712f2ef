import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { configureMonacoYaml } from 'monaco-yaml';
import composeSpecSchema from '@berth/compose-spec-schema';
import EditorWorker from './editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import type { EditorSchema } from './types';

/**
 * Model URIs carry the schema they are validated against as their first path segment, so monaco-yaml's
 * fileMatch globs pick the schema by URI (e.g. `file:///compose-spec/srv/app/compose.yaml`).
 */
export function modelPath(path: string, schema: EditorSchema | undefined): string {
  const clean = path.replace(/\\/g, '/').replace(/^\/+/, '');
  return `file:///${schema ? `${schema}-spec` : 'plain'}/${clean}`;
}

let configured = false;

interface LegacyWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * monaco-yaml 5 (through monaco-worker-manager 2) still calls `editor.createWebWorker({ label, moduleId,
 * createData })`, the API before monaco-editor 0.5x; 0.57 wants `{ worker }`. This adapter does what
 * monaco-editor's own language workers do now (internal/common/workers.js): start our same-origin YAML worker,
 * send it the two setup messages (a wake-up, then createData), and hand it to the new API.
 */
function withLegacyWorkerApi(m: typeof monaco): typeof monaco {
  const createWebWorker = (opts: LegacyWorkerOptions) => {
    const worker = new YamlWorker();
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return m.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
  return { ...m, editor: { ...m.editor, createWebWorker } } as unknown as typeof monaco;
}

/**
 * Runs once, before the first editor mounts: Monaco comes from our own bundle (never a CDN: Berth works
 * offline and the CSP allows only 'self' scripts), its workers are same-origin files Vite emits (no blob: or
 * eval), and YAML documents under file:///compose-spec/ get the compose-spec schema.
 */
export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    getWorker(_moduleId: string, label: string): Worker {
      // The YAML worker is started by withLegacyWorkerApi; JSON/TS/CSS/HTML are never opened in Berth's editors.
      return label === 'yaml' ? new YamlWorker() : new EditorWorker();
    },
  };
  loader.config({ monaco });
  configureMonacoYaml(withLegacyWorkerApi(monaco), {
    enableSchemaRequest: false,
    completion: true,
    hover: true,
    validate: true,
    schemas: [
      {
        uri: 'https://raw.githubusercontent.com/compose-spec/compose-spec/master/schema/compose-spec.json',
        fileMatch: ['**/compose-spec/**'],
        schema: composeSpecSchema,
      },
    ],
  });
  return monaco;
}
