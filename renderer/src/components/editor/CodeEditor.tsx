import { Component, lazy, Suspense, type ReactNode } from 'react';
import { Alert, Box } from '@mui/material';
import { EditorLoading } from './EditorLoading';
import { PlainTextEditor } from './PlainTextEditor';
import type { CodeEditorProps } from './types';

// Monaco is a few MB: load it only when an editor is first shown, so the rest of the app starts fast.
const MonacoCodeEditor = lazy(() => import('./MonacoCodeEditor'));

interface BoundaryState {
  error: Error | null;
}

/** If Monaco fails to load, editing still works: fall back to a plain text area and say why. */
class EditorBoundary extends Component<
  { children: ReactNode; fallback: (error: Error) => ReactNode },
  BoundaryState
> {
  override state: BoundaryState = { error: null };
  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** The code editor used across Berth (compose files, .env, resolved config, templates). */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <EditorBoundary
      fallback={(error) => (
        <Box sx={{ display: 'flex', flexDirection: 'column', height: props.height ?? '100%' }}>
          <Alert severity="warning" sx={{ borderRadius: 0 }}>
            The code editor could not load ({error.message}), so this is plain text without completion. Reload
            the window to try again.
          </Alert>
          <PlainTextEditor {...props} height="100%" />
        </Box>
      )}
    >
      <Suspense fallback={<EditorLoading />}>
        <MonacoCodeEditor {...props} />
      </Suspense>
    </EditorBoundary>
  );
}
