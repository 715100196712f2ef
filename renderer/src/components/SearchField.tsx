import SearchIcon from '@mui/icons-material/Search';
import { InputAdornment, TextField } from '@mui/material';
import type { Ref } from 'react';

interface Props {
  /** The accessible name; the placeholder is only a hint of what it matches. */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  width: number;
  inputRef?: Ref<HTMLInputElement>;
  /** The key that focuses it (`useSlashFocus`), announced to assistive technology. */
  shortcut?: string;
}

/** A page's or tab's filter box: a search icon in front, Escape clears it. */
export function SearchField({ label, placeholder, value, onChange, width, inputRef, shortcut }: Props) {
  return (
    <TextField
      size="small"
      {...(inputRef ? { inputRef } : {})}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && onChange('')}
      sx={{ width }}
      slotProps={{
        htmlInput: { 'aria-label': label, ...(shortcut ? { 'aria-keyshortcuts': shortcut } : {}) },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
