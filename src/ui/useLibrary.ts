import { useMemo } from 'react';
import { buildLibrary, type Library } from '../state/library';
import { BUNDLED_FILES, BUNDLED_SIDECARS } from '../state/bundled';

export function useLibrary(): Library {
  return useMemo(() => buildLibrary(BUNDLED_FILES, BUNDLED_SIDECARS), []);
}
