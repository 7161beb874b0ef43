import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/electron/main.ts'),
          // The handout worker threads load this file beside index.js (handout-pool.ts).
          'handout-worker': resolve(import.meta.dirname, 'src/main/handouts/handout-worker.ts'),
          // The database check after open runs in a worker thread too (background-quick-check.ts).
          'quick-check-worker': resolve(import.meta.dirname, 'src/main/db/quick-check-worker.ts'),
          // The KHIDI year is built in a worker thread too (jobs/run-off-thread.ts).
          'job-worker': resolve(import.meta.dirname, 'src/main/jobs/job-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: { rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    plugins: [react()],
  },
});
