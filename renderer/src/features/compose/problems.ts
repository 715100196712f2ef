import type { BerthErrorData, ComposeProblem, ComposeValidationProblem } from '../../api/contract';
import type { EditorMarker } from '../../components/editor/types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The located problems an INVALID_ARGUMENT error of compose.config carries in details.problems (if any). */
export function problemsOf(error: BerthErrorData): ComposeProblem[] {
  const details = error.details;
  if (!isRecord(details) || !Array.isArray(details.problems)) return [];
  return details.problems.filter(isRecord).flatMap((p): ComposeProblem[] =>
    typeof p.message === 'string'
      ? [
          {
            message: p.message,
            path: typeof p.path === 'string' ? p.path : '',
            file: typeof p.file === 'string' ? p.file : undefined,
            line: typeof p.line === 'number' ? p.line : undefined,
            col: typeof p.col === 'number' ? p.col : undefined,
          },
        ]
      : [],
  );
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** "compose.yaml:3:5" — where a problem is, the way compilers and compose print it. */
export function problemLocation(p: ComposeProblem): string {
  const file = p.file ? baseName(p.file) : '';
  const at = p.line !== undefined ? `${p.line}${p.col !== undefined ? `:${p.col}` : ''}` : '';
  return [file, at].filter(Boolean).join(':');
}

/** Backend validation problems of editor text as editor markers. */
export const toMarkers = (problems: ComposeValidationProblem[]): EditorMarker[] =>
  problems.map((p) => ({ line: p.line, col: p.col, message: p.path ? `${p.message} (${p.path})` : p.message, severity: p.severity, source: 'berth' }));

/** compose.config problems of one file as editor markers (problems without a line go to line 1). */
export const fileProblemMarkers = (problems: ComposeProblem[], file: string): EditorMarker[] =>
  problems
    .filter((p) => !p.file || p.file === file)
    .map((p) => ({ line: p.line ?? 1, col: p.col ?? 1, message: p.message, severity: 'error' as const, source: 'berth' }));
