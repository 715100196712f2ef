import type { templatesMethods } from '../../contract/methods/templates';
import type { Domain, ServiceContext } from '../context';
import { TemplatesService } from './service';

/** The templates domain: catalog, imports, deploys (as compose projects, through compose.up) and exports. */
export function templatesDomain(ctx: ServiceContext): Domain<typeof templatesMethods> {
  const svc = new TemplatesService({ dataDir: ctx.dataDir, call: ctx.call });
  return {
    handlers: {
      'templates.list': ({ search, category }) => svc.library.list({ search, category }),
      'templates.get': ({ id }) => svc.library.get(id),
      'templates.import': (p) => svc.import(p),
      'templates.preview': (p) => svc.preview(p),
      'templates.deploy': (p, caller) => svc.deploy(p, caller),
      'templates.fromProject': (p, caller) => svc.fromProject(p, caller),
      'templates.export': (p) => svc.export(p),
      'templates.exportCatalog': (p) => svc.exportCatalog(p),
      'templates.remove': ({ id }) => svc.library.remove(id),
      'templates.catalogs.list': () => svc.catalogs.list(),
      'templates.catalogs.add': ({ url, title }) => svc.catalogs.add(url, title),
      'templates.catalogs.refresh': ({ id }) => svc.catalogs.refresh(id),
      'templates.catalogs.remove': ({ id }) => svc.catalogs.remove(id),
    },
  };
}
