// The React side of the URL codec: the view is whatever the hash says, and
// navigating pushes a new hash so Back/Forward move between views.
import { useCallback, useEffect, useState } from 'react';
import { decodeView, encodeView, type DecodeResult } from '../state/url/codec';
import type { ViewState } from '../state/url/view';

export function useHashView(): [DecodeResult, (next: ViewState) => void] {
  const [decoded, setDecoded] = useState<DecodeResult>(() => decodeView(window.location.hash));
  useEffect(() => {
    const onChange = () => setDecoded(decodeView(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: ViewState) => {
    const hash = encodeView(next);
    if (hash !== window.location.hash) window.location.hash = hash;
  }, []);
  return [decoded, navigate];
}

export const hrefFor = (state: ViewState): string => encodeView(state);
