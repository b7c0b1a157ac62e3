import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

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

// One config for the app and the unit tests. Browser tests have their own
// (vitest.e2e.config.ts) because they need a built app and a real Chromium.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
    // Bundled surveys are fetched by the import worker: keep them files on the
    // app's own origin, never data: URLs (which the CSP's connect-src refuses).
    assetsInlineLimit: (file: string) => (file.endsWith('.csv') ? false : undefined),
  },
  worker: { format: 'es' },
  preview: { headers: SECURITY_HEADERS },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
