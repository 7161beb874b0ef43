// The renderer alone, built for the preview server (npm run preview, e2e tests): the same React app the
// Electron window loads, written to out/preview.
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  // A desktop app loads its bundle from disk, so one 700 KB chunk is fine; no splitting needed.
  build: { outDir: resolve(import.meta.dirname, 'out/preview'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
});
