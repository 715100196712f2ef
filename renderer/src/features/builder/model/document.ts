import { parseDocument, type Document, type ToStringOptions } from 'yaml';

const PRINT: ToStringOptions = { lineWidth: 0, flowCollectionPadding: false };

/**
 * Applies a canvas edit to the YAML text: parse, patch the document in place, print. Comments, key order and
 * styles of everything the edit does not touch come back as they were. Invalid text is returned unchanged.
 */
export function editText(text: string, edit: (doc: Document) => void): string {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return text;
  if (doc.contents === null) (doc as Document).contents = doc.createNode({});
  const before = doc.toString(PRINT);
  edit(doc);
  const after = doc.toString(PRINT);
  // yaml prints some spacing its own way (`a  # c` → `a # c`): an edit that changed nothing returns the text as typed.
  return after === before ? text : after;
}

export const EMPTY_FILE = "# Built with Berth's app builder\nservices: {}\n";
