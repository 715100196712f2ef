// Type-aware lint with the process boundaries of DESIGN.md §2 enforced as import rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layersPlugin } from './scripts/lint/layers.mjs';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', '.tmp/**', '.launcher-test-*/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', '*.js', 'scripts/*.mjs', 'bin/*.mjs', 'bench/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['engine/contract/*.ts'],
    rules: restrict(['../*', ...nodeBuiltins, 'electron', 'react', 'dockerode'], 'engine/contract is pure TypeScript: it imports nothing else of ours and nothing from Node, Electron or React.'),
  },
  {
    files: ['engine/contract/*/**'],
    rules: restrict(['../../*', ...nodeBuiltins, 'electron', 'react', 'dockerode'], 'engine/contract is pure TypeScript: it imports nothing else of ours and nothing from Node, Electron or React.'),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['**/engine/!(contract)/**', '**/engine/!(contract)', '**/electron/**', ...nodeBuiltins, 'electron', 'dockerode'], 'The renderer imports only engine/contract (never Node, Electron or other engine folders).'),
    },
  },
  {
    files: ['electron/preload/**'],
    rules: restrict(['**/engine/!(contract)/**', '**/renderer/**', '**/electron/main/**'], 'The preload imports only the contract.'),
  },
  {
    files: ['engine/services/**', 'engine/docker/**', 'engine/providers/**', 'engine/store/**'],
    rules: restrict(['**/web/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'electron'], 'Services never import web/, electron/, cli/ or the renderer.'),
  },
  {
    files: ['engine/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/order': 'error', 'layers/no-test-code': 'error' },
  },
);
