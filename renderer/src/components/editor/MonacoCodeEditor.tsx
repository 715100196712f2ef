import { useEffect, useRef, useState } from 'react';
import Editor from '@monaco-editor/react';
import { useColorScheme } from '@mui/material/styles';
import type * as Monaco from 'monaco-editor';
import { EditorLoading } from './EditorLoading';
import { BERTH_MARKER_OWNER, fromMonacoMarker, sortMarkers, toMonacoMarker } from './markers';
import { modelPath, setupMonaco } from './monacoSetup';
import type { CodeEditorProps } from './types';

// This module is loaded lazily (see CodeEditor.tsx): Monaco and its workers stay out of the main bundle.
const monaco = setupMonaco();

/** The Monaco implementation of CodeEditorProps: YAML schema support, Berth's markers, light/dark theme. */
export default function MonacoCodeEditor(props: CodeEditorProps) {
  const { value, onChange, language, path, schema, readOnly, markers, onProblems, height = '100%', ariaLabel, reveal } = props;
  const { mode, systemMode } = useColorScheme();
  const dark = (mode === 'system' ? systemMode : mode) === 'dark';
  const uri = modelPath(path, schema);
  // Set once the editor (and so its model) exists: the marker effects below need the model.
  const [mounted, setMounted] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  // Texts the editor itself reported, newest last. React renders lag behind fast typing, so `value` can be an
  // older echo of the user's own typing: writing that back would eat keystrokes. Only other values are applied.
  const emitted = useRef<string[]>([]);

  useEffect(() => {
    const model = mounted?.getModel();
    if (!mounted || !model) return;
    const echo = emitted.current.lastIndexOf(value);
    if (echo >= 0) {
      emitted.current = emitted.current.slice(echo);
      return;
    }
    if (model.getValue() === value) return;
    emitted.current = [];
    if (readOnly) model.setValue(value);
    else {
      // An edit, not setValue, so the change (e.g. a reload from disk) can be undone.
      mounted.pushUndoStop();
      mounted.executeEdits('berth', [{ range: model.getFullModelRange(), text: value }]);
      mounted.pushUndoStop();
    }
  }, [mounted, value, readOnly]);

  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(uri));
    if (!model) return;
    const lines = model.getLineCount();
    const data = (markers ?? []).map((m) => {
      const line = Math.min(Math.max(1, m.line), lines);
      return toMonacoMarker({ ...m, line }, model.getLineLength(line));
    });
    monaco.editor.setModelMarkers(model, BERTH_MARKER_OWNER, data);
  }, [mounted, uri, markers]);

  useEffect(() => {
    if (!onProblems || !mounted) return;
    const resource = monaco.Uri.parse(uri);
    const report = () =>
      onProblems(sortMarkers(monaco.editor.getModelMarkers({ resource }).map(fromMonacoMarker)));
    report();
    const subscription = monaco.editor.onDidChangeMarkers((changed) => {
      if (changed.some((u) => u.toString() === resource.toString())) report();
    });
    return () => subscription.dispose();
  }, [mounted, uri, onProblems]);

  useEffect(() => {
    if (!mounted || !reveal) return;
    const position = { lineNumber: reveal.line, column: reveal.col };
    mounted.setPosition(position);
    mounted.revealPositionInCenterIfOutsideViewport(position);
    mounted.focus();
  }, [mounted, reveal]);

  return (
    <Editor
      defaultValue={value}
      language={language}
      path={uri}
      height={height}
      theme={dark ? 'vs-dark' : 'light'}
      loading={<EditorLoading />}
      onChange={(next) => {
        const text = next ?? '';
        emitted.current.push(text);
        if (emitted.current.length > 200) emitted.current.shift();
        onChange?.(text);
      }}
      onMount={(editor) => setMounted(editor)}
      options={{
        readOnly,
        ariaLabel,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 13,
        tabSize: 2,
        insertSpaces: true,
        renderWhitespace: 'boundary',
        fixedOverflowWidgets: true,
        quickSuggestions: { other: true, comments: false, strings: true },
      }}
    />
  );
}
