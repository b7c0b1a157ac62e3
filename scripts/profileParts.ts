// Where a page's main-thread time went, from a Chrome DevTools CPU profile
// (CDP Profiler, sampling): all of it but idle, and the share spent under
// named functions. Names need an unminified build (npx vite build --minify false).
// Used by the manual checks scripts/check-crosstab-freeze.ts and
// scripts/check-large-import.ts.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Sampled main-thread time (ms): `busy` is all of it but idle; each part of
 * `parts` the time with one of its functions on the stack.
 */
export function breakdown(p: CpuProfile, parts: Record<string, string[]>): Record<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out: Record<string, number> = { busy: 0 };
  for (const part of Object.keys(parts)) out[part] = 0;
  p.samples.forEach((id, k) => {
    const ms = (p.timeDeltas[k + 1] ?? 0) / 1000;
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    out.busy! += ms;
    const names = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      names.add(byId.get(at)!.callFrame.functionName);
    for (const [part, fns] of Object.entries(parts))
      if (fns.some((f) => names.has(f))) out[part]! += ms;
  });
  for (const k of Object.keys(out)) out[k] = Math.round(out[k]!);
  return out;
}
