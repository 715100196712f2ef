/** Languages the editor is used for in Berth (compose files, .env files, resolved config, plain text). */
export type EditorLanguage = 'yaml' | 'ini' | 'plaintext';

/** JSON schemas the editor knows; a model whose `schema` is set gets completion, hover and validation from it. */
export type EditorSchema = 'compose';

/** A problem shown as a squiggle in the editor and as a row of the problem list below it. 1-based positions. */
export interface EditorMarker {
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** Who found it: 'schema' (monaco-yaml against the JSON schema) or 'berth' (the backend's validation). */
  source?: string;
}

/**
 * What a code editor offers the rest of the UI. Monaco implements it (MonacoCodeEditor); tests swap in a
 * textarea, since Monaco cannot run in jsdom.
 */
export interface CodeEditorProps {
  value: string;
  onChange?: (value: string) => void;
  language: EditorLanguage;
  /**
   * Identifies the document (e.g. the file's absolute path). Models are keyed by it, so two editors on the
   * same path share undo history and markers.
   */
  path: string;
  schema?: EditorSchema;
  readOnly?: boolean;
  /** Problems found outside the editor (e.g. compose.validate); shown next to the schema's own. */
  markers?: EditorMarker[];
  /** Every problem on the document (the schema's and `markers`), whenever they change. */
  onProblems?: (problems: EditorMarker[]) => void;
  /** CSS height; the editor fills its container's width. */
  height?: number | string;
  /** Accessible name of the text area, e.g. "compose.yaml". */
  ariaLabel: string;
  /** Moves the cursor there, scrolls it into view and focuses the editor; a new object each time (`at`). */
  reveal?: EditorReveal;
}

/** A place to show in the editor, e.g. a problem the user clicked. `at` tells two requests for one spot apart. */
export interface EditorReveal {
  line: number;
  col: number;
  at: number;
}
