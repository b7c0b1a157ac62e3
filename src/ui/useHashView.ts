// The React side of the URL codec: the view is whatever the hash says, and
// navigating pushes a new hash so Back/Forward move between views.
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeView, encodeView, type DecodeResult } from '../state/url/codec';
import type { ViewState } from '../state/url/view';

export function useHashView(): [DecodeResult, (next: ViewState) => void] {
  const [decoded, setDecoded] = useState<DecodeResult>(() => decodeView(window.location.hash));
  /** The hash the state was decoded from, so its own hashchange is not decoded again. */
  const shown = useRef(window.location.hash);
  useEffect(() => {
    const onChange = () => {
      if (window.location.hash === shown.current) return;
      shown.current = window.location.hash;
      setDecoded(decodeView(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: ViewState) => {
    const hash = encodeView(next);
    if (hash === window.location.hash) return;
    window.location.hash = hash;
    // The new view is set here, within the user's event, not when hashchange arrives a task
    // later: a controlled control (a checkbox, a select) shows its new value at once, instead of
    // snapping back to the old one until then.
    shown.current = window.location.hash;
    setDecoded(decodeView(window.location.hash));
  }, []);
  return [decoded, navigate];
}

export const hrefFor = (state: ViewState): string => encodeView(state);
