import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import { ComposeIssue, formatPath, type KeyPath, type SourcePos } from './problems';

/** Aliases one document may use: generous for real files (anchors + `<<` merges), fatal for YAML bombs. */
export const MAX_ALIAS_COUNT = 1_000;
/** Nodes after expanding every alias: a billion-laughs document hits this long before it hurts. */
export const MAX_EXPANDED_NODES = 250_000;
/** Compose files are hand-written; anything larger is not one. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A compose file parsed to plain data, plus where each key path came from and its `!reset`/`!override` tags. */
export interface ParsedYaml {
  value: unknown;
  positions: Map<string, SourcePos>;
  resets: KeyPath[];
  overrides: KeyPath[];
}

export interface YamlProblem {
  message: string;
  pos?: SourcePos;
  path?: KeyPath;
}

class LimitExceeded extends Error {}

/** Defines an own property even for keys like `__proto__`, so untrusted YAML cannot touch prototypes. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Parses one compose document defensively: duplicate keys, alias bombs and oversized input are problems, not
 * crashes; every key path gets its line and column so later stages can point at the source.
 */
export function parseComposeYaml(text: string): { parsed?: ParsedYaml; problems: YamlProblem[] } {
  if (text.length > MAX_FILE_BYTES) {
    return { problems: [{ message: `file is larger than ${MAX_FILE_BYTES} bytes; refusing to parse it` }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: true });
  const problems: YamlProblem[] = doc.errors.map((e) => ({
    message: firstLine(e.message),
    pos: e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : undefined,
  }));
  if (problems.length > 0) return { problems };
  try {
    // yaml's own guard first: it counts alias uses without expanding anything.
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError) return { problems: [{ message: bombMessage(err.message) }] };
    throw err;
  }
  const walker = new Walker(doc, lineCounter);
  try {
    const value = walker.walk(doc.contents, [], true);
    return {
      parsed: { value, positions: walker.positions, resets: walker.resets, overrides: walker.overrides },
      problems: walker.problems,
    };
  } catch (err) {
    if (err instanceof LimitExceeded) return { problems: [{ message: bombMessage(err.message) }] };
    if (err instanceof ComposeIssue) return { problems: [{ message: err.message, path: err.path }] };
    throw err;
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function bombMessage(detail: string): string {
  return `YAML aliases expand too much (${detail}); this looks like a YAML bomb, so the file was rejected`;
}

/** Converts the yaml AST to plain data ourselves so positions, merge keys and custom tags stay in our hands. */
class Walker {
  readonly positions = new Map<string, SourcePos>();
  readonly resets: KeyPath[] = [];
  readonly overrides: KeyPath[] = [];
  readonly problems: YamlProblem[] = [];
  private nodes = 0;
  private aliases = 0;

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  private mark(path: KeyPath, node: Node | null | undefined, record: boolean): void {
    if (!record || !node?.range) return;
    const key = formatPath(path);
    if (this.positions.has(key)) return;
    const pos = this.lines.linePos(node.range[0]);
    this.positions.set(key, { line: pos.line, column: pos.col });
  }

  walk(node: unknown, path: KeyPath, record: boolean): unknown {
    if (++this.nodes > MAX_EXPANDED_NODES) throw new LimitExceeded(`more than ${MAX_EXPANDED_NODES} nodes`);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIAS_COUNT) throw new LimitExceeded(`more than ${MAX_ALIAS_COUNT} aliases`);
      const target = node.resolve(this.doc);
      if (target === undefined) throw new ComposeIssue(`unknown alias *${node.source}`, path);
      // Positions inside the anchored node belong to the anchor's path, not to every alias use.
      return this.walk(target, path, false);
    }
    const tag = (node as Node).tag;
    if (record && tag === '!override') this.overrides.push(path);
    if (isScalar(node)) return node.value ?? null;
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        this.mark([...path, i], item as Node, record);
        return this.walk(item, [...path, i], record);
      });
    }
    if (isMap(node)) return this.walkMap(node.items, path, record);
    throw new ComposeIssue('unsupported YAML node', path);
  }

  private walkMap(items: unknown[], path: KeyPath, record: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const merges: unknown[] = [];
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key;
      // With `merge: true`, yaml marks a real merge key (not a quoted '<<') with a symbol value.
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        merges.push(pair.value);
        continue;
      }
      if (!isScalar(keyNode) || (typeof keyNode.value === 'object' && keyNode.value !== null)) {
        throw new ComposeIssue('mapping keys must be plain scalars', path);
      }
      const key = String(keyNode.value);
      const childPath = [...path, key];
      this.mark(childPath, keyNode, record);
      if ((pair.value as Node | null)?.tag === '!reset') {
        // `!reset` removes the key from what earlier files or the extended service defined.
        if (record) this.resets.push(childPath);
        continue;
      }
      setOwn(out, key, this.walk(pair.value, childPath, record));
    }
    // YAML merge keys: explicit keys win, then earlier merged maps win over later ones.
    for (const merge of merges) {
      const sources = isSeq(merge) ? merge.items : [merge];
      for (const source of sources) {
        const value = this.walk(source, path, false);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw new ComposeIssue('a merge key (<<) must refer to a mapping or a list of mappings', path);
        }
        for (const [k, v] of Object.entries(value)) if (!Object.hasOwn(out, k)) setOwn(out, k, v);
      }
    }
    return out;
  }
}
