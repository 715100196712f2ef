import { isNode, LineCounter, type Document } from 'yaml';
import type { LocatedProblem, ModelProblem } from './types';

/** Each problem with the line and column of the deepest part of its path that exists in the text. */
export function locate(doc: Document, text: string, problems: ModelProblem[]): LocatedProblem[] {
  if (problems.length === 0) return [];
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return problems.map((p) => {
    for (let n = p.path.length; n > 0; n--) {
      const node: unknown = doc.getIn(p.path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { ...p, line: pos.line, col: pos.col };
      }
    }
    return { ...p, line: 1, col: 1 };
  });
}
