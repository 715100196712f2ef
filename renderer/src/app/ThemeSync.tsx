import { useEffect } from 'react';
import { useColorScheme } from '@mui/material/styles';
import { useBerth } from '../stores/context';

/** Applies the saved theme preference (system/light/dark) to MUI's color scheme. */
export function ThemeSync() {
  const preference = useBerth((s) => s.settings?.theme);
  const { setMode } = useColorScheme();
  useEffect(() => {
    if (preference) setMode(preference);
  }, [preference, setMode]);
  return null;
}
