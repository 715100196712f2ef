import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, Stack } from '@mui/material';
import { ErrorDetails } from './ErrorDetails';

interface Props {
  /** What failed, for the message: "This page", "Berth". */
  what: string;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/**
 * Catches a render crash below it and shows what happened with a way out, instead of React unmounting the
 * whole tree and leaving a blank window. Keyed by the caller (e.g. per page) so navigating away resets it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is where a bug report's details come from; the UI shows the short form.
    console.error(`${this.props.what} crashed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Box sx={{ p: 3, maxWidth: 720 }}>
        <Alert severity="error" role="alert">
          <AlertTitle>{this.props.what} stopped working</AlertTitle>
          <Stack spacing={1}>
            <span>{error.message || error.name}</span>
            <ErrorDetails details={error.stack} />
            <Stack direction="row" spacing={1}>
              <Button size="small" variant="outlined" onClick={() => this.setState({ error: undefined })}>
                Try again
              </Button>
              <Button size="small" onClick={() => window.location.reload()}>
                Reload Berth
              </Button>
            </Stack>
          </Stack>
        </Alert>
      </Box>
    );
  }
}
