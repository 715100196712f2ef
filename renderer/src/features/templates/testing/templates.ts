import type { TemplateCatalog, TemplateDetail, TemplateParameter, TemplateSummary } from '../../../api/contract';

/** A template summary as templates.list returns it. */
export function summary(id: string, over: Partial<TemplateSummary> = {}): TemplateSummary {
  const [origin = 'library', second, third] = id.split('/');
  const title = over.title ?? (third ?? second ?? id);
  return {
    id,
    origin: origin as TemplateSummary['origin'],
    ...(origin === 'catalog' ? { catalog: second } : {}),
    title,
    categories: [],
    services: ['web'],
    parameters: 0,
    ...over,
  };
}

/** A template's details with its parameters and compose file. */
export function detail(s: TemplateSummary, parameters: TemplateParameter[] = [], documentation?: string): TemplateDetail {
  return {
    summary: { ...s, parameters: parameters.length },
    metadata: { title: s.title, categories: s.categories, ...(s.description ? { description: s.description } : {}), ...(documentation ? { documentation } : {}) },
    parameters,
    compose: `x-berth:\n  title: ${s.title}\nservices:\n  web:\n    image: berth-test/busybox:latest\n`,
  };
}

export function param(name: string, over: Partial<TemplateParameter> = {}): TemplateParameter {
  return { name, label: name, required: false, secret: false, ...over };
}

export function catalog(id: string, over: Partial<TemplateCatalog> = {}): TemplateCatalog {
  return { id, url: `https://${id}.example/templates.json`, title: id, templates: 1, problems: [], fetchedAt: Date.UTC(2026, 11, 1, 10), ...over };
}
