import { createTheme } from '@mui/material/styles';

// System font stack only: Berth runs offline, so no web fonts.
const systemFonts = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  'Ubuntu',
  'Cantarell',
  '"Noto Sans"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');

const focusRing = (color: string) => ({ outline: `2px solid ${color}`, outlineOffset: -2 });

export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: { palette: { primary: { main: '#1565c0' }, background: { default: '#f6f7f9' } } },
    dark: { palette: { primary: { main: '#64b5f6' }, background: { default: '#121417', paper: '#1a1d21' } } },
  },
  typography: { fontFamily: systemFonts, button: { textTransform: 'none' } },
  shape: { borderRadius: 6 },
  components: {
    // One clear focus ring for everything the keyboard reaches (buttons reset the outline, so they get it too).
    MuiCssBaseline: {
      styleOverrides: (t) => ({
        ':focus-visible': focusRing(t.vars?.palette.primary.main ?? t.palette.primary.main),
      }),
    },
    MuiButtonBase: {
      styleOverrides: {
        root: ({ theme: t }) => ({
          '&.Mui-focusVisible': focusRing(t.vars?.palette.primary.main ?? t.palette.primary.main),
        }),
      },
    },
  },
});
