// The bundled surveys: the files in surveys/, shipped as assets of the build
// and read by the import worker (state/bundledLoad.ts) — the same files the CLI
// reads, in the same formats a user uploads. A respondent file may have a
// sidecar `<name>.json` with its title, notice and source.
import type { BundledFile } from './bundledLoad';

const urls = import.meta.glob('/surveys/*.csv', { query: '?url', import: 'default', eager: true });
// Sidecars as text: the worker validates them as the CLI does (core/surveys.ts).
const sidecars = import.meta.glob('/surveys/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function bundledFiles(baseUrl: string): BundledFile[] {
  return Object.entries(urls).map(([path, url]) => ({
    path,
    url: new URL(String(url), baseUrl).href,
    sidecar: (sidecars[path.replace(/\.csv$/i, '.json')] as string | undefined) ?? null,
  }));
}
