// Monaco's base worker (diffs, word ranges, link detection), bundled by Vite as a same-origin worker file.
import 'monaco-editor/esm/vs/editor/editor.worker.js';
