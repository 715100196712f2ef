import type { ImageAuditInput, ImageStep, NamedValue } from './from-image';
import { isRootUser } from './rules-runtime';
import { CIS_DOCKER, type RuleHit, type SecurityRule } from './types';

// Rules about images (CIS Docker Benchmark section 4, "Container Images and Build File"), read from the image's
// config and the history of the steps that built it. Same shape as the container rules, other input.

export type ImageSecurityRule = Omit<SecurityRule, 'check' | 'oneClick'> & {
  /** The finding for this image, or undefined when the rule is satisfied or cannot tell. */
  check(input: ImageAuditInput): RuleHit | undefined;
};

/** At most this many setuid/setgid paths are kept from a deep scan (the count says how many there were). */
export const SETUID_LIST_CAP = 50;
/** Paths named in a finding's message before "and N more". */
const SHOWN = 5;

const MANAGER = '(?:apt-get|apt|apk|yum|dnf|microdnf|zypper)';
const OPTIONS = '(?:\\s+-{1,2}[\\w=-]+)*';
const UPDATE = new RegExp(`\\b${MANAGER}${OPTIONS}\\s+(?:update|refresh|makecache)\\b`);
const INSTALL = new RegExp(
  `\\b${MANAGER}${OPTIONS}\\s+(?:install|add|upgrade|dist-upgrade|full-upgrade|in)\\b`,
);

/** A RUN that refreshes the package index (or updates) without installing anything in the same layer. */
export const updateAlone = (step: ImageStep): boolean =>
  step.instruction === 'RUN' && UPDATE.test(step.text) && !INSTALL.test(step.text);

const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst|tar\.(?:gz|bz2|xz|zst|lz4))$/i;

/** What an ADD brings in: a URL, an archive (auto-extracted) or a plain local path. */
export function addSource(step: ImageStep): 'url' | 'archive' | 'local' | undefined {
  if (step.instruction !== 'ADD') return undefined;
  // Options first (--chown=..., --chmod=..., --checksum=...), the destination last.
  const words = step.text.split(/\s+/).filter((w) => w && !w.startsWith('--'));
  const sources = words.length > 1 ? words.slice(0, -1) : words;
  if (sources.some((s) => /^(?:https?|git):\/\//i.test(s) || /^git@/.test(s))) return 'url';
  if (sources.some((s) => ARCHIVE.test(s))) return 'archive';
  return 'local';
}

/** Names that look like they hold a secret; `_FILE`/`_PATH`-style names point at one and are fine. */
const SECRET_NAME =
  /(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|AUTH_?KEY|CREDENTIALS?)/i;
const POINTER = /_(?:FILE|PATH|DIR|URL|URI|NAME|ID|TYPE|LENGTH|EXPIRY|TTL)$/i;
export const looksSecret = (name: string): boolean => SECRET_NAME.test(name) && !POINTER.test(name);
const secretNames = (list: readonly NamedValue[]) => [
  ...new Set(list.filter((v) => v.set && looksSecret(v.name)).map((v) => v.name)),
];

const listed = (items: readonly string[], total = items.length) =>
  items.slice(0, SHOWN).join(', ') + (total > SHOWN ? ` and ${total - SHOWN} more` : '');

export const imageRules: ImageSecurityRule[] = [
  {
    id: 'image-secrets',
    benchmark: CIS_DOCKER,
    benchmarkId: '4.10',
    derived: true,
    severity: 'high',
    title: 'Secrets in the image',
    why: 'Environment variables and build arguments are stored in the image config and history: anyone who can pull the image can read them.',
    fix: 'Pass secrets at run time (docker secrets, a mounted file, --env-file), or at build time with RUN --mount=type=secret; rebuild the image and rotate the secret.',
    kind: 'setting',
    check: (input) => {
      const env = secretNames(input.env);
      const args = secretNames(input.buildArgs).filter((n) => !env.includes(n));
      if (env.length === 0 && args.length === 0) return undefined;
      const parts = [
        env.length ? `ENV ${listed(env)} ${env.length === 1 ? 'is' : 'are'} set in the image config` : '',
        args.length
          ? `build argument${args.length === 1 ? '' : 's'} ${listed(args)} recorded in its history`
          : '',
      ];
      return { message: `${parts.filter(Boolean).join('; ')} (values not shown).` };
    },
  },
  {
    id: 'image-root-user',
    benchmark: CIS_DOCKER,
    benchmarkId: '4.1',
    derived: false,
    severity: 'medium',
    title: 'Image runs as root',
    why: 'Containers from this image run as root unless each run overrides the user; root in a container is root on the host unless user namespaces remap it.',
    fix: 'Add a non-root user and a USER line to the Dockerfile (e.g. RUN adduser -D app, then USER app), giving it the paths it writes.',
    kind: 'missing',
    check: (input) =>
      isRootUser(input.user)
        ? {
            message: input.user.trim() ? `USER is ${input.user.trim()}.` : 'No USER: containers run as root.',
          }
        : undefined,
  },
  {
    id: 'setuid-files',
    benchmark: CIS_DOCKER,
    benchmarkId: '4.8',
    derived: false,
    severity: 'medium',
    title: 'setuid/setgid files',
    why: "A setuid or setgid program runs with its owner's rights: a bug in one lets a process in the container raise its privileges.",
    fix: 'Remove the bits in the Dockerfile where the program is not needed: RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + ; or run containers with --security-opt no-new-privileges.',
    kind: 'missing',
    check: (input) => {
      const files = input.setuidFiles;
      if (!files || files.length === 0) return undefined;
      const total = Math.max(input.setuidTotal ?? files.length, files.length);
      return {
        message: `${total} file${total === 1 ? '' : 's'} with setuid/setgid: ${listed(files, total)}.`,
      };
    },
  },
  {
    id: 'add-instead-of-copy',
    benchmark: CIS_DOCKER,
    benchmarkId: '4.9',
    derived: false,
    severity: 'low',
    title: 'ADD instead of COPY',
    why: 'ADD fetches URLs and unpacks archives by itself: content can change under the same line, and a crafted archive can write where it should not.',
    fix: 'Use COPY for local files; download with a pinned checksum (ADD --checksum, or curl + sha256sum) and unpack explicitly in a RUN.',
    kind: 'setting',
    check: (input) => {
      const kinds = input.steps
        .map(addSource)
        .filter((k): k is 'url' | 'archive' | 'local' => k !== undefined);
      if (kinds.length === 0) return undefined;
      if (kinds.includes('url'))
        return { message: 'ADD downloads from a URL while building.', severity: 'medium' };
      if (kinds.includes('archive'))
        return {
          message: `ADD unpacks an archive${kinds.length > 1 ? ` (${kinds.length} ADD steps)` : ''}.`,
        };
      return {
        message:
          kinds.length === 1
            ? 'ADD copies a local path where COPY would do.'
            : `${kinds.length} ADD steps copy local paths where COPY would do.`,
      };
    },
  },
  {
    id: 'update-alone',
    benchmark: CIS_DOCKER,
    benchmarkId: '4.7',
    derived: false,
    severity: 'low',
    title: 'Package update alone in a layer',
    why: 'An update in its own RUN layer is cached: later builds install from a stale package index and miss security fixes.',
    fix: 'Update and install in the same RUN: RUN apt-get update && apt-get install -y ... (apk: apk add --no-cache ...).',
    kind: 'setting',
    check: (input) => {
      const alone = input.steps.filter(updateAlone);
      if (alone.length === 0) return undefined;
      const command = (UPDATE.exec(alone[0]?.text ?? '')?.[0] ?? 'update').replace(/\s+/g, ' ');
      return {
        message: `RUN ${command} without an install in the same layer${alone.length > 1 ? ` (${alone.length} layers)` : ''}.`,
      };
    },
  },
  {
    id: 'image-no-healthcheck',
    benchmark: CIS_DOCKER,
    benchmarkId: '4.6',
    derived: false,
    severity: 'low',
    title: 'No HEALTHCHECK',
    why: 'Without a HEALTHCHECK the engine cannot tell a hung service from a working one unless every run adds one.',
    fix: 'Add a HEALTHCHECK instruction that proves the service answers (e.g. HEALTHCHECK CMD wget -qO- http://localhost/ || exit 1).',
    kind: 'missing',
    check: (input) =>
      input.healthcheck === 'set'
        ? undefined
        : {
            message:
              input.healthcheck === 'disabled'
                ? 'HEALTHCHECK NONE disables it.'
                : 'The image has no HEALTHCHECK.',
          },
  },
];
