import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type * as BundledReader from './scripts/bundledSurveys';

// The built app may run only its own scripts and talk only to its own origin.
// Dev mode is left without it: Vite's dev server injects inline scripts.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The headers a host should send with the app (a <meta> policy cannot set
 * frame-ancestors). Links carry data in the fragment, which browsers never send,
 * and no-referrer keeps the page address out of any request. `vite preview`
 * sends them, as a reference for hosts.
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

// The bundled surveys: `virtual:bundled-surveys` is the URL of their JSON, made
// by scripts/bundledSurveys.ts through the same door as an upload, when the app
// is built (a hashed asset) or served (`vite`, from memory); src/app/bundled.ts
// fetches it. The reader is loaded through tsx only when the module is asked
// for, so loading this config (also for the unit tests) does not bundle the
// import pipeline into it.
const ID = 'virtual:bundled-surveys';
const RESOLVED = `\0${ID}`;
/** Where `vite` (dev) serves the JSON; the build emits it as a hashed asset instead. */
const DEV_PATH = '/@bundled-surveys.json';

function bundledSurveys(folder: string): Plugin {
  let build = true;
  let reader: Promise<typeof BundledReader> | null = null;
  const read = () =>
    (reader ??= tsImport('./scripts/bundledSurveys.ts', import.meta.url) as Promise<
      typeof BundledReader
    >);
  return {
    name: 'bundled-surveys',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId: {
      filter: { id: new RegExp(`^${ID}$`) },
      handler: (id) => (id === ID ? RESOLVED : null),
    },
    load: {
      filter: { id: new RegExp(`^\0${ID}$`) },
      async handler(id) {
        if (id !== RESOLVED) return null;
        const { bundledInputs, bundledSurveysJson } = await read();
        for (const path of bundledInputs(folder)) this.addWatchFile(path);
        // Read now, also when serving, so a broken file stops the build or shows in the overlay.
        const json = bundledSurveysJson(folder);
        if (!build) return `export default ${JSON.stringify(DEV_PATH)};`;
        const ref = this.emitFile({ type: 'asset', name: 'bundled-surveys.json', source: json });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      },
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_req, res, next) => {
        read()
          .then(({ bundledSurveysJson }) => bundledSurveysJson(folder))
          .then((json) => {
            res.setHeader('Content-Type', 'application/json');
            res.end(json);
          }, next);
      });
    },
  };
}

// One config for the app and the unit tests. Browser tests have their own
// (vitest.e2e.config.ts) because they need a built app and a real Chromium.
export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    bundledSurveys(fileURLToPath(new URL('./surveys/', import.meta.url))),
  ],
  base: './',
  resolve: {
    // A stdlib probe evaluates a string (blocked by the CSP above): see src/core/stats/noGenerators.cjs.
    alias: [
      {
        find: /^@stdlib\/assert-has-generator-support$/,
        replacement: fileURLToPath(new URL('./src/core/stats/noGenerators.cjs', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // The bundled surveys' JSON is fetched by the page: keep it a file on the
    // app's own origin, never a data: URL (which the CSP's connect-src refuses).
    assetsInlineLimit: (file: string) => (file.endsWith('.json') ? false : undefined),
  },
  worker: { format: 'es' },
  preview: { headers: SECURITY_HEADERS },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
