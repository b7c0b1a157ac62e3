// Serve the built app (dist/) once for all browser tests.
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  // SW_DIST lets parallel work serve its own build instead of dist/.
  const server = await preview({
    build: { outDir: process.env.SW_DIST ?? 'dist' },
    preview: { port: 4173, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
