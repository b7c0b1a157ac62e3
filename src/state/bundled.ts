// The bundled surveys, read at build time from surveys/ as text: the same
// files the CLI reads, in the same formats a user uploads. A respondent file
// may have a sidecar `<name>.json` with its title, notice and source.
import type { Sidecar } from './library';

const files = import.meta.glob('/surveys/*.csv', { query: '?raw', import: 'default', eager: true });
const sidecars = import.meta.glob('/surveys/*.json', { import: 'default', eager: true });

export const BUNDLED_FILES: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path, String(text)]),
);

export const BUNDLED_SIDECARS: Record<string, Sidecar> = sidecars as Record<string, Sidecar>;
