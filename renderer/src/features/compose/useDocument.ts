import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorCode, type BerthErrorData, type Result } from '../../api/contract';
import { useUnsavedChanges } from '../../components/unsaved/useUnsavedChanges';

export interface DocumentIO {
  /** Identifies the document; a new key loads again. */
  key: string;
  /** Names it when leaving the page would lose its unsaved draft ("compose.yaml", ".env"). */
  label: string;
  load: () => Promise<Result<{ content: string; mtime?: number }>>;
  /** Writes atomically; with expectedMtime the backend answers CONFLICT when the file changed on disk since. */
  save: (content: string, expectedMtime: number | undefined) => Promise<Result<{ mtime: number }>>;
}

export type DocumentState =
  | { phase: 'loading' }
  | { phase: 'failed'; error: BerthErrorData }
  | {
      phase: 'ready';
      /** What is on disk as of the last load or save. */
      saved: string;
      draft: string;
      mtime: number | undefined;
      saving: boolean;
      /** The file changed on disk since it was loaded: the user chooses reload or overwrite. */
      conflict: boolean;
      saveError: BerthErrorData | null;
    };

/**
 * A text file being edited: load, draft, save with the on-disk mtime so someone else's change is never
 * overwritten silently (CONFLICT → reload or overwrite, the user's choice). An unsaved draft is registered, so
 * leaving the page or reloading asks first.
 */
export function useDocument(io: DocumentIO, onSaved?: () => void) {
  const { key, load, save } = io;
  // Read at save time: a new callback must not count as a new document (which would load it again).
  const saved = useRef(onSaved);
  useEffect(() => {
    saved.current = onSaved;
  });
  const [state, setState] = useState<{ key: string; doc: DocumentState } | null>(null);
  const doc = useMemo<DocumentState>(() => (state?.key === key ? state.doc : { phase: 'loading' }), [state, key]);
  const update = useCallback((change: (d: DocumentState) => DocumentState) => {
    setState((s) => (s && s.key === key ? { key, doc: change(s.doc) } : s));
  }, [key]);

  const reload = useCallback(async () => {
    const r = await load();
    setState({
      key,
      doc: r.ok
        ? { phase: 'ready', saved: r.value.content, draft: r.value.content, mtime: r.value.mtime, saving: false, conflict: false, saveError: null }
        : { phase: 'failed', error: r.error },
    });
  }, [key, load]);

  useEffect(() => {
    let current = true;
    void load().then((r) => {
      if (!current) return;
      setState({
        key,
        doc: r.ok
          ? { phase: 'ready', saved: r.value.content, draft: r.value.content, mtime: r.value.mtime, saving: false, conflict: false, saveError: null }
          : { phase: 'failed', error: r.error },
      });
    });
    return () => {
      current = false;
    };
  }, [key, load]);

  const setDraft = useCallback((draft: string) => update((d) => (d.phase === 'ready' ? { ...d, draft } : d)), [update]);

  const write = useCallback(
    async (overwrite: boolean) => {
      if (doc.phase !== 'ready') return false;
      const content = doc.draft;
      update((d) => (d.phase === 'ready' ? { ...d, saving: true, saveError: null, conflict: false } : d));
      const r = await save(content, overwrite ? undefined : doc.mtime);
      update((d) => {
        if (d.phase !== 'ready') return d;
        if (r.ok) return { ...d, saving: false, saved: content, mtime: r.value.mtime };
        if (r.error.code === ErrorCode.CONFLICT) return { ...d, saving: false, conflict: true };
        return { ...d, saving: false, saveError: r.error };
      });
      if (r.ok) saved.current?.();
      return r.ok;
    },
    [doc, save, update],
  );

  const dirty = doc.phase === 'ready' && doc.draft !== doc.saved;
  useUnsavedChanges(dirty, io.label);

  return {
    doc,
    dirty,
    setDraft,
    save: () => write(false),
    overwrite: () => write(true),
    reload,
    dismissConflict: useCallback(() => update((d) => (d.phase === 'ready' ? { ...d, conflict: false } : d)), [update]),
  };
}
