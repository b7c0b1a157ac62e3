// Links come from files and URLs: validate before use. Only http(s) links are
// ever rendered as links; anything else (javascript:, data:, …) stays text.
export function safeHttpUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}
