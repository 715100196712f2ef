import type { TemplateImportProblem } from '../../../contract';
import type { Template } from '../template-file';

/** What one importer produced: templates with a suggested file name, and what it could not convert. */
export interface Converted {
  templates: { name: string; template: Template }[];
  problems: TemplateImportProblem[];
}
