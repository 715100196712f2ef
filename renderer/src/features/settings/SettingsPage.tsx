import { useEffect } from 'react';
import { Alert, Box, CircularProgress, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useColorScheme } from '@mui/material/styles';
import type { ThemePreference } from '../../api/contract';
import { useMay } from '../../components/access';
import { useBerth } from '../../stores/context';
import { EngineSettings } from './EngineSettings';

const themes: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Settings: engine choice and theme, stored by the backend (settings.get / settings.update). */
export function SettingsPage() {
  const settings = useBerth((s) => s.settings);
  const candidates = useBerth((s) => s.candidates);
  const candidatesError = useBerth((s) => s.candidatesError);
  const loadCandidates = useBerth((s) => s.loadCandidates);
  const loadSettings = useBerth((s) => s.loadSettings);
  const update = useBerth((s) => s.updateSettings);
  const notify = useBerth((s) => s.notify);
  const { mode, setMode } = useColorScheme();
  // The saved theme is Berth's setting (admin); another role's choice applies to this browser only.
  const mayUpdate = useMay('settings.update');

  useEffect(() => {
    void loadCandidates();
    void loadSettings();
  }, [loadCandidates, loadSettings]);

  const setTheme = async (theme: ThemePreference) => {
    setMode(theme); // Apply at once; the saved value follows.
    if (!mayUpdate) return;
    const result = await update({ theme });
    if (!result.ok) notify('error', `Could not save the theme: ${result.error.message}`);
  };

  return (
    <Box sx={{ p: 3, maxWidth: 900 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        Settings
      </Typography>
      {!settings ? (
        <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <CircularProgress size={18} /> Loading settings…
        </Box>
      ) : (
        <>
          {candidatesError && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              Could not list the engines found on this machine: {candidatesError.message}
            </Alert>
          )}
          <EngineSettings
            key={`${settings.engine.preferred}|${(candidates ?? []).map((c) => c.id).join(',')}`}
            preferred={settings.engine.preferred} candidates={candidates ?? []} />
          <Box component="section" aria-labelledby="theme-settings-title">
            <Typography id="theme-settings-title" variant="h6" component="h2" gutterBottom>
              Theme
            </Typography>
            <RadioGroup
              row
              aria-labelledby="theme-settings-title"
              value={mayUpdate ? settings.theme : (mode ?? settings.theme)}
              onChange={(e) => void setTheme(e.target.value as ThemePreference)}
            >
              {themes.map((t) => (
                <FormControlLabel key={t.value} value={t.value} control={<Radio />} label={t.label} />
              ))}
            </RadioGroup>
            {!mayUpdate && (
              <Typography variant="body2" color="text.secondary">
                Applies to this browser only: an admin sets Berth&apos;s saved theme.
              </Typography>
            )}
          </Box>
        </>
      )}
    </Box>
  );
}
