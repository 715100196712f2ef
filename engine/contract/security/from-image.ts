// The image rules (CIS Docker Benchmark section 4) read one normalized view of an image, built from the Engine's
// `GET /images/{id}/json` (Config) and `GET /images/{id}/history` (CreatedBy of each layer). Values of
// environment variables and build arguments never leave this file: only their names and whether one is set.

/** The part of the Engine's image inspect answer the rules read (structural: no dockerode types here). */
export interface ImageInspectLike {
  Config?: { User?: string; Healthcheck?: { Test?: string[] | null } | null; Env?: string[] | null } | null;
}

/** One row of `GET /images/{id}/history`. */
export interface ImageHistoryLike {
  CreatedBy?: string;
}

/** A Dockerfile instruction as the history records it: RUN, ADD, COPY, ENV, ARG, ... */
export interface ImageStep {
  instruction: string;
  /** The instruction's arguments, without the builder's markers (`/bin/sh -c #(nop)`, `# buildkit`, `|N A=b`). */
  text: string;
}

/** A variable's name and whether it carries a non-empty value; the value itself is never kept. */
export interface NamedValue {
  name: string;
  set: boolean;
}

export interface ImageAuditInput {
  /** Config.User; '' = root (the engine's default). */
  user: string;
  healthcheck: 'set' | 'none' | 'disabled';
  /** Config.Env names. */
  env: NamedValue[];
  /** Build arguments the history recorded (a RUN's `|N NAME=value` prefix, BuildKit's `ARG NAME=value`). */
  buildArgs: NamedValue[];
  /** Oldest first. */
  steps: ImageStep[];
  /** Paths of setuid/setgid files from a deep scan; undefined when the image was not scanned. */
  setuidFiles?: readonly string[] | undefined;
  /** How many there were in all (the list may be capped). */
  setuidTotal?: number | undefined;
}

const named = (entry: string): NamedValue => {
  const eq = entry.indexOf('=');
  return eq < 0 ? { name: entry, set: false } : { name: entry.slice(0, eq), set: entry.length > eq + 1 };
};

const NAME_VALUE = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * Splits a RUN line's build-argument prefix (`|2 A=1 B=2 /bin/sh -c ...`, classic and BuildKit) from its command.
 * Values with spaces are not quoted by the builders, so names are found as the next N `NAME=` words.
 */
function splitArgs(text: string): { args: NamedValue[]; rest: string } {
  const m = /^\|(\d+)\s+/.exec(text);
  if (!m) return { args: [], rest: text };
  let want = Number(m[1]);
  const words = text.slice(m[0].length).split(' ');
  const args: NamedValue[] = [];
  let i = 0;
  for (; i < words.length && want > 0; i++) {
    const word = words[i] ?? '';
    if (NAME_VALUE.test(word)) {
      args.push(named(word));
      want--;
    } else if (args.length > 0) {
      // A space inside the previous value: it is set whatever the rest says.
      const last = args[args.length - 1];
      if (last) last.set = true;
    }
  }
  let rest = words.slice(i).join(' ');
  // Words before the shell belong to the last value (it had spaces).
  const shellAt = rest.search(/\/bin\/(?:ba)?sh -c /);
  const last = args[args.length - 1];
  if (shellAt > 0 && last) {
    last.set = true;
    rest = rest.slice(shellAt);
  }
  return { args, rest };
}

const SHELL = /^\/bin\/(?:ba)?sh -c /;

/** One history line as an instruction; classic builder lines and BuildKit lines both. */
export function parseCreatedBy(createdBy: string): { step: ImageStep; args: NamedValue[] } | undefined {
  let text = createdBy.trim();
  if (text === '') return undefined;
  const buildkit = /\s#\s*buildkit$/.test(text);
  if (buildkit) text = text.replace(/\s#\s*buildkit$/, '').trim();
  // Classic builder: metadata steps are `/bin/sh -c #(nop) INSTR ...`; a RUN is the shell command itself.
  const nop = /^(?:\|\d+\s.*?)?\/bin\/(?:ba)?sh -c #\(nop\)\s*(.*)$/s.exec(text);
  if (nop) {
    const rest = (nop[1] ?? '').trim();
    const [instruction = '', ...words] = rest.split(/\s+/);
    return { step: { instruction: instruction.toUpperCase(), text: words.join(' ') }, args: [] };
  }
  const word = /^([A-Z]+)\s+(.*)$/s.exec(text);
  if (word && !SHELL.test(text)) {
    const instruction = word[1] ?? '';
    const body = word[2] ?? '';
    if (instruction === 'RUN') {
      const { args, rest } = splitArgs(body);
      return { step: { instruction, text: rest.replace(SHELL, '') }, args };
    }
    return {
      step: { instruction, text: body },
      args: instruction === 'ARG' ? body.split(/\s+/).filter(Boolean).map(named) : [],
    };
  }
  // A classic RUN: `/bin/sh -c cmd` or `|N A=b /bin/sh -c cmd`.
  const { args, rest } = splitArgs(text);
  return { step: { instruction: 'RUN', text: rest.replace(SHELL, '') }, args };
}

/** The normalized image for the rules. `history` is the Engine's answer (newest first); steps come out oldest first. */
export function imageAuditInput(
  info: ImageInspectLike,
  history: readonly ImageHistoryLike[],
): ImageAuditInput {
  const config = info.Config ?? {};
  const test = config.Healthcheck?.Test ?? [];
  const steps: ImageStep[] = [];
  const buildArgs = new Map<string, NamedValue>();
  for (const row of [...history].reverse()) {
    const parsed = parseCreatedBy(row.CreatedBy ?? '');
    if (!parsed) continue;
    steps.push(parsed.step);
    for (const a of parsed.args)
      buildArgs.set(a.name, { name: a.name, set: a.set || (buildArgs.get(a.name)?.set ?? false) });
  }
  return {
    user: config.User ?? '',
    healthcheck: test.length === 0 ? 'none' : test[0] === 'NONE' ? 'disabled' : 'set',
    env: (config.Env ?? []).map(named),
    buildArgs: [...buildArgs.values()],
    steps,
  };
}
