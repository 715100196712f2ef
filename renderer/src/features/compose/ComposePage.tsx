import { ProjectPage } from './ProjectPage';
import { ProjectsPage } from './ProjectsPage';
import { useComposeRoute } from './route';

/** The Compose section: the projects list (#/compose) or one project (#/compose/<name>[/<tab>]). */
export function ComposePage() {
  const route = useComposeRoute();
  return route.view === 'project' ? <ProjectPage key={route.name} name={route.name} tab={route.tab} /> : <ProjectsPage />;
}
