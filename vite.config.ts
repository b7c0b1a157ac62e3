import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the app and the unit tests. Browser tests have their own
// (vitest.e2e.config.ts) because they need a built app and a real Chromium.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
