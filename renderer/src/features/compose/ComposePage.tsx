import { useEffect } from 'react';
import { useBerth } from '../../stores/context';
import { ProjectPage } from './ProjectPage';
import { ProjectsPage } from './ProjectsPage';
import { useComposeRoute } from './route';

/** The Compose section: the projects list (#/compose) or one project (#/compose/<name>[/<tab>]). */
export function ComposePage() {
  const route = useComposeRoute();
  const connected = useBerth((s) => s.transport === 'open' && s.engineStatus?.state === 'connected');
  const load = useBerth((s) => s.loadComposeProjects);
  // Events keep the projects current; a (re)connect may have missed some, so list again then.
  useEffect(() => {
    if (connected) void load();
  }, [connected, load]);
  return route.view === 'project' ? <ProjectPage key={route.name} name={route.name} tab={route.tab} /> : <ProjectsPage />;
}
