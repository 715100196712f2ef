// Routes of the Templates section: #/templates (catalog) and #/templates/<encoded id>[/<tab>].
// A template id has slashes (builtin/web-server), so it travels as one encoded segment.

export const templateTabs = ['overview', 'files', 'deploy'] as const;
export type TemplateTab = (typeof templateTabs)[number];

export const isTemplateTab = (value: string | undefined): value is TemplateTab =>
  (templateTabs as readonly (string | undefined)[]).includes(value);

export const templatesHref = '#/templates';

export const templateHref = (id: string, tab: TemplateTab = 'overview'): string =>
  `#/templates/${encodeURIComponent(id)}${tab === 'overview' ? '' : `/${tab}`}`;

/** The app builder's route that opens a template on its canvas (the builder section owns the page). */
export const builderHref = (id: string): string => `#/builder/${encodeURIComponent(id)}`;

/** The deployed app's page under Compose. */
export const composeProjectHref = (name: string): string => `#/compose/${encodeURIComponent(name)}`;
