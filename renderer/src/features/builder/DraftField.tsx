import { useState } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';

type Props = Omit<TextFieldProps, 'value' | 'onChange'> & {
  /** The value in the document. */
  value: string;
  /** Called on every change; the document (and the YAML view) update as the user types. */
  onCommit: (text: string) => void;
  /** How the document would print this text (e.g. without blank lines): the draft is kept while it matches. */
  normalize?: (text: string) => string;
};

/**
 * A field bound to the document: it keeps what the user typed (blank lines, a trailing space) while that means the
 * same as the document, and shows the document's value when it changes elsewhere (YAML view, undo).
 */
export function DraftField({ value, onCommit, normalize = (t) => t, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (normalize(draft) !== value) setDraft(value);
  }
  return (
    <TextField
      size="small"
      fullWidth
      {...rest}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        onCommit(e.target.value);
      }}
    />
  );
}

/** Lines of a multi-line field, trimmed, without blank ones. */
export const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);
export const normalizeLines = (text: string): string => lines(text).join('\n');
