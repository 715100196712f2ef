import { useCallback, useSyncExternalStore } from 'react';
import { isSectionId, type SectionId } from './sections';

// A tiny hash router (#/containers): no router package, works from file:// in Electron and in web mode.

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const readHash = () => window.location.hash;

export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return isSectionId(id) ? id : 'containers';
}

export const hrefFor = (id: SectionId): string => `#/${id}`;

export function useHashRoute(): [SectionId, (id: SectionId) => void] {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  const navigate = useCallback((id: SectionId) => {
    window.location.hash = hrefFor(id);
  }, []);
  return [sectionFromHash(hash), navigate];
}
