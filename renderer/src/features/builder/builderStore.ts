import type { EdgeKind } from './flowModel';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Document } from 'yaml';
import { useBerthStore } from '../../stores/context';
import type { BerthStore } from '../../stores/store';
import { parseBuilder } from './model/derive';
import { editText, EMPTY_FILE } from './model/document';
import { emptyHistory, record, redo, undo, type History } from './model/history';
import type { BuilderModel } from './model/types';

/** An edge is named by its ends and its kind (a service may mount a volume and join a network of the same name). */
export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; from: string; to: string; edge?: EdgeKind } | undefined;

export interface BuilderState {
  /** What is being built: 'new' or the template id it was opened from. */
  source: string;
  text: string;
  /** The text as last loaded, saved or exported: the work is unsaved while `text` differs. */
  baseline: string;
  history: History;
  /** The model of the last text that parsed: invalid YAML never wipes the canvas. */
  model: BuilderModel;
  /** Why the current text does not parse (the canvas shows the last good model meanwhile). */
  syntaxError?: { message: string; line: number; col: number };
  selection: Selection;
  /** A copied service definition (Ctrl+C on the canvas). */
  clipboard?: { name: string; definition: unknown };
}

export interface BuilderActions {
  load: (source: string, text: string) => void;
  /** New text (typed in the YAML view, or the result of an edit); `key` coalesces a burst into one undo step. */
  setText: (text: string, key?: string) => void;
  /** A canvas edit of the document; returns what the edit returned (e.g. the new service's name). */
  edit: <T>(change: (doc: Document) => T, key?: string) => T | undefined;
  undo: () => void;
  redo: () => void;
  select: (selection: Selection) => void;
  copy: (name: string, definition: unknown) => void;
  /** The current text is saved (as template `source`, if given). */
  markSaved: (source?: string) => void;
}

export type BuilderStore = StoreApi<BuilderState & BuilderActions>;

const emptyModel = (): BuilderModel => ({ services: [], volumes: [], networks: [], layout: { service: {}, volume: {}, network: {} } });

function parsed(text: string): Pick<BuilderState, 'syntaxError'> & { model?: BuilderModel } {
  const r = parseBuilder(text);
  return r.ok ? { model: r.model, syntaxError: undefined } : { syntaxError: { message: r.message, line: r.line, col: r.col } };
}

export function createBuilderStore(): BuilderStore {
  return createStore<BuilderState & BuilderActions>()((set, get) => {
    const apply = (text: string, history: History) => {
      const p = parsed(text);
      set((s) => ({ text, history, syntaxError: p.syntaxError, model: p.model ?? s.model }));
    };
    return {
      source: 'new',
      text: EMPTY_FILE,
      baseline: EMPTY_FILE,
      history: emptyHistory(),
      model: emptyModel(),
      selection: undefined,
      load: (source, text) => {
        const p = parsed(text);
        set({ source, text, baseline: text, history: emptyHistory(), model: p.model ?? emptyModel(), syntaxError: p.syntaxError, selection: undefined });
      },
      setText: (text, key) => {
        const s = get();
        if (text === s.text) return;
        apply(text, record(s.history, s.text, key, Date.now()));
      },
      edit: (change, key) => {
        const s = get();
        let result: ReturnType<typeof change> | undefined;
        const text = editText(s.text, (doc) => {
          result = change(doc);
        });
        if (text !== s.text) apply(text, record(s.history, s.text, key, Date.now()));
        return result;
      },
      undo: () => {
        const s = get();
        const r = undo(s.history, s.text);
        if (r) apply(r.text, r.history);
      },
      redo: () => {
        const s = get();
        const r = redo(s.history, s.text);
        if (r) apply(r.text, r.history);
      },
      select: (selection) => set({ selection }),
      copy: (name, definition) => set({ clipboard: { name, definition } }),
      markSaved: (source) => set((s) => ({ baseline: s.text, source: source ?? s.source })),
    };
  });
}

// One builder per window (per Berth store): the work stays while the page is hidden and comes back when it is
// shown again, and tests (each with its own store) never share one.
const stores = new WeakMap<BerthStore, BuilderStore>();

export function useBuilderStore(): BuilderStore {
  const berth = useBerthStore();
  let store = stores.get(berth);
  if (!store) {
    store = createBuilderStore();
    stores.set(berth, store);
  }
  return store;
}

export function useBuilder<T>(selector: (s: BuilderState & BuilderActions) => T): T {
  return useStore(useBuilderStore(), selector);
}
