import { useSyncExternalStore } from 'react';

// Routes inside the Compose section: #/compose (projects) and #/compose/<project>[/<tab>].

export const projectTabs = ['services', 'logs', 'config', 'files', 'environment'] as const;
export type ProjectTab = (typeof projectTabs)[number];

export type ComposeRoute = { view: 'projects' } | { view: 'project'; name: string; tab: ProjectTab };

const isTab = (value: string): value is ProjectTab => (projectTabs as readonly string[]).includes(value);

export function composeRouteFromHash(hash: string): ComposeRoute {
  const [section, name, tab] = hash.replace(/^#\/?/, '').split('/');
  if (section !== 'compose' || !name) return { view: 'projects' };
  const decoded = decodeURIComponent(name);
  return { view: 'project', name: decoded, tab: tab && isTab(tab) ? tab : 'services' };
}

export const projectsHref = '#/compose';
export const projectHref = (name: string, tab: ProjectTab = 'services'): string =>
  `#/compose/${encodeURIComponent(name)}${tab === 'services' ? '' : `/${tab}`}`;

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useComposeRoute(): ComposeRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return composeRouteFromHash(hash);
}

export function navigate(href: string): void {
  window.location.hash = href;
}
