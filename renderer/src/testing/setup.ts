// Adds DOM matchers (toBeInTheDocument, ...) for renderer tests; harmless for node-environment tests.
import '@testing-library/jest-dom/vitest';
