// A page whose code loads when first needed (its own chunk, outside the first
// visit's budget), with `preload` to fetch it ahead of time.
//
// Why not React.lazy alone: a lazy component suspends on its first render even
// when its module is already in the browser (its promise settles a microtask
// later), and React then holds back the page behind the Suspense fallback for
// up to 300 ms (its fallback throttle): the first crosstab after an import
// took 350 ms from link to paint, of which 120 ms were work. Once preloaded,
// the page renders the component directly and never suspends.
import { createElement, lazy, useState, type ComponentType } from 'react';

export interface LazyPage<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Fetch the page's code now (on idle, say); a failure shows when the page is opened. */
  preload(): void;
}

export function lazyPage<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const get = () =>
    (pending ??= load().then(
      (m) => (loaded = m[name]),
      (e: unknown) => {
        pending = null; // a later visit tries again
        throw e;
      },
    ));
  const Suspending = lazy(async () => ({ default: await get() }));
  function Page(props: P) {
    // Chosen once per mount: switching from the suspending wrapper to the loaded component
    // in a later render would remount the page and lose its state.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Suspending);
    return createElement(Component, props);
  }
  return Object.assign(Page, { preload: () => void get().catch(() => undefined) });
}
