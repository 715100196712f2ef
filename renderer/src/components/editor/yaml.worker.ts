// Vite bundles this file as its own worker (imported with `?worker`). Importing monaco-yaml's worker through a
// file of ours avoids Vite's "Unexpected usage" error (see monaco-yaml's README, "Why doesn't it work with Vite?").
import 'monaco-yaml/yaml.worker.js';
