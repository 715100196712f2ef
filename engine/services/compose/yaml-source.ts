import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
  type ScalarTag,
} from 'yaml';
import { ComposeIssue, formatPath, type KeyPath, type SourcePos } from './problems';

/*
 * YAML bomb limits measure what aliases expand to, not how many alias uses a file has: a real self-hosted stack
 * merges defaults blocks hundreds of times and expands to a few thousand nodes, while a billion-laughs document
 * expands to billions. The walk below stops at the first limit it crosses, so a bomb costs at most this much work.
 */
/** Nodes after expanding every alias and merge (a 57-service stack with ~150 merges has ~5,000). */
export const MAX_EXPANDED_NODES = 250_000;
/** Characters of keys and scalars after expansion: one long string aliased many times is a bomb too. */
export const MAX_EXPANDED_CHARS = 16 * 1024 * 1024;
/** Nesting depth of the expanded document; compose files nest about ten levels deep. */
export const MAX_DEPTH = 100;
/** Compose files are hand-written; anything larger is not one. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * `mode: 0440` is octal to docker compose (Go's yaml reads a leading 0 as octal) and to docker-compose 1.x (YAML
 * 1.1), while YAML 1.2's core schema reads it as decimal 440. Compose files are written for those tools, so a
 * plain scalar of a 0 and octal digits is an octal integer here too (quoted "0440" stays a string).
 */
const legacyOctal: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: /^0[0-7]+$/,
  resolve: (text) => parseInt(text, 8),
};

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
  const doc = parseDocument(text, {
    lineCounter,
    merge: true,
    uniqueKeys: true,
    prettyErrors: true,
    customTags: (tags) => [legacyOctal, ...tags],
  });
  const problems: YamlProblem[] = doc.errors.map((e) => ({
    message: firstLine(e.message),
    pos: e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : undefined,
  }));
  if (problems.length > 0) return { problems };
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
  private chars = 0;
  private depth = 0;

  /** Each alias's anchored node, found in one pass (yaml's Alias.resolve searches the whole document per use). */
  private readonly targets = new Map<Alias, Node>();

  constructor(
    doc: Document,
    private readonly lines: LineCounter,
  ) {
    const anchors = new Map<string, Node>();
    // Document order, so an alias refers to the latest anchor of its name before it, as YAML defines.
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) this.targets.set(node, target);
      } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
        anchors.set(node.anchor, node);
      }
    });
  }

  private mark(path: KeyPath, node: Node | null | undefined, record: boolean): void {
    if (!record || !node?.range) return;
    const key = formatPath(path);
    if (this.positions.has(key)) return;
    const pos = this.lines.linePos(node.range[0]);
    this.positions.set(key, { line: pos.line, column: pos.col });
  }

  walk(node: unknown, path: KeyPath, record: boolean): unknown {
    // Depth counts calls, not the key path: a merge walks its source at the same path, so a self-merging anchor
    // (`&a {<<: *a}`) would otherwise recurse until the stack overflows.
    if (++this.depth > MAX_DEPTH) throw new LimitExceeded(`nested more than ${MAX_DEPTH} levels deep`);
    try {
      return this.walkNode(node, path, record);
    } finally {
      this.depth--;
    }
  }

  private walkNode(node: unknown, path: KeyPath, record: boolean): unknown {
    if (++this.nodes > MAX_EXPANDED_NODES) throw new LimitExceeded(`more than ${MAX_EXPANDED_NODES} nodes after expanding aliases`);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (target === undefined) throw new ComposeIssue(`unknown alias *${node.source}`, path);
      // Positions inside the anchored node belong to the anchor's path, not to every alias use.
      return this.walk(target, path, false);
    }
    const tag = (node as Node).tag;
    if (record && tag === '!override') this.overrides.push(path);
    if (isScalar(node)) {
      this.count(node.value);
      return node.value ?? null;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        this.mark([...path, i], item as Node, record);
        return this.walk(item, [...path, i], record);
      });
    }
    if (isMap(node)) return this.walkMap(node.items, path, record);
    throw new ComposeIssue('unsupported YAML node', path);
  }

  private count(value: unknown): void {
    if (typeof value !== 'string') return;
    this.chars += value.length;
    if (this.chars > MAX_EXPANDED_CHARS) throw new LimitExceeded(`more than ${MAX_EXPANDED_CHARS} characters after expanding aliases`);
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
      this.count(key);
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
