// The bundled surveys, read at build time from surveys/ as text. The same
// files the CLI reads, in the same format a user uploads.
const files = import.meta.glob('/surveys/*.csv', { query: '?raw', import: 'default', eager: true });

export const BUNDLED_FILES: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path, String(text)]),
);
