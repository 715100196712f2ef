import type { SliceCreator } from './types';

/** Something the user typed and has not saved or applied yet, and the page it lives on. */
export interface UnsavedEntry {
  /** What would be lost, in the user's words: "compose.yaml", "the .env file", "the run form". */
  label: string;
  /** The page (`#/section[/id]`) that holds it: moving between its tabs keeps it, leaving the page loses it. */
  page: string;
}

/**
 * The window's registry of unsaved input, one entry per editor or form with changes. The leave guard reads it
 * before a navigation or a reload; the editors and forms keep their own drafts.
 */
export interface UnsavedSlice {
  unsaved: Record<string, UnsavedEntry>;
  setUnsaved: (id: string, entry: UnsavedEntry | null) => void;
}

export const createUnsavedSlice: SliceCreator<UnsavedSlice> = () => (set) => ({
  unsaved: {},
  setUnsaved: (id, entry) =>
    set((s) => {
      if (entry) return { unsaved: { ...s.unsaved, [id]: entry } };
      if (!(id in s.unsaved)) return s;
      const { [id]: _gone, ...rest } = s.unsaved;
      return { unsaved: rest };
    }),
});
