import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// Builds the renderer (Electron and web mode load the same files). base './' keeps asset URLs relative,
// so the build works from file:// in Electron and from any path in web mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: {
    // The renderer imports only engine/contract; the compose-spec JSON schema (pure data, vendored by the
    // compose loader) is mapped in here for the editor's completion and validation (components/editor).
    alias: {
      '@berth/compose-spec-schema': fileURLToPath(new URL('./engine/services/compose/schema/compose-spec.json', import.meta.url)),
      // monaco-yaml's worker (via monaco-worker-manager) imports this deep path, which monaco-editor 0.57's
      // exports map no longer resolves (it maps ./*.js to ./esm/vs/*.js).
      'monaco-editor/esm/vs/editor/editor.worker.js': fileURLToPath(
        new URL('./node_modules/monaco-editor/esm/vs/editor/editor.worker.js', import.meta.url),
      ),
    },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});
