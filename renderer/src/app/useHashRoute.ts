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

/** The path segments after the section (`#/containers/<id>/<tab>` → [id, tab]), decoded. */
export function pathFromHash(hash: string): string[] {
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .slice(1)
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** The segments after the current section; the details pages of a section route on them. */
export function useRoutePath(): string[] {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  return pathFromHash(hash);
}

/** Where a container's details page (and one of its tabs) lives. */
export const containerHref = (id: string, tab?: string): string =>
  `#/containers/${encodeURIComponent(id)}${tab ? `/${encodeURIComponent(tab)}` : ''}`;
