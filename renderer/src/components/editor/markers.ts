import type { EditorMarker } from './types';

/** Monaco's MarkerSeverity values (kept here so this module does not load Monaco). */
export const MONACO_SEVERITY = { hint: 1, info: 2, warning: 4, error: 8 } as const;

/** The shape of monaco.editor.IMarkerData / IMarker that Berth reads and writes. */
export interface MonacoMarkerLike {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  severity: number;
  source?: string;
  owner?: string;
}

/** The owner of the markers Berth sets itself; monaco-yaml uses its own, so neither clears the other's. */
export const BERTH_MARKER_OWNER = 'berth';

/**
 * A Berth marker as Monaco marker data. Without an end, the squiggle covers the rest of the word/line from the
 * column: `lineLength` (when known) keeps it on the line.
 */
export function toMonacoMarker(m: EditorMarker, lineLength?: number): MonacoMarkerLike {
  const line = Math.max(1, m.line);
  const col = Math.max(1, m.col);
  const endLine = m.endLine ?? line;
  const endCol = m.endCol ?? Math.max(col + 1, (lineLength ?? col) + 1);
  return {
    startLineNumber: line,
    startColumn: col,
    endLineNumber: endLine,
    endColumn: endCol,
    message: m.message,
    severity: MONACO_SEVERITY[m.severity],
    source: m.source ?? 'Berth',
  };
}

/** Any Monaco marker (ours or monaco-yaml's) as a Berth marker, for the problem list. */
export function fromMonacoMarker(m: MonacoMarkerLike): EditorMarker {
  const severity =
    m.severity >= MONACO_SEVERITY.error
      ? 'error'
      : m.severity >= MONACO_SEVERITY.warning
        ? 'warning'
        : 'info';
  return {
    line: m.startLineNumber,
    col: m.startColumn,
    endLine: m.endLineNumber,
    endCol: m.endColumn,
    message: m.message,
    severity,
    source: m.owner === BERTH_MARKER_OWNER ? 'berth' : 'schema',
  };
}

/** Problems in reading order: by line, then column; errors before warnings on the same spot. */
export function sortMarkers(markers: EditorMarker[]): EditorMarker[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...markers].sort((a, b) => a.line - b.line || a.col - b.col || rank[a.severity] - rank[b.severity]);
}

/**
 * One entry per problem: the schema (in the editor) and Berth's loader (which also checks the compose-spec
 * schema) report the same fault at the same spot (monaco-yaml as a warning, Berth as an error); Berth's entry is
 * kept, since Up and the CLI say the same.
 */
export function withoutDuplicates(markers: EditorMarker[]): EditorMarker[] {
  const berthSpots = new Set(markers.filter((m) => m.source === 'berth').map((m) => `${m.line}:${m.col}`));
  return markers.filter((m) => m.source !== 'schema' || !berthSpots.has(`${m.line}:${m.col}`));
}
