import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Builds the renderer (Electron and web mode load the same files). base './' keeps asset URLs relative,
// so the build works from file:// in Electron and from any path in web mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});
