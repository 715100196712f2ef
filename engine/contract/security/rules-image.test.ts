import { describe, expect, it } from 'vitest';
import {
  auditImage,
  imageAuditInput,
  imageRules,
  parseCreatedBy,
  type ImageHistoryLike,
  type ImageInspectLike,
} from './index';

// Shapes as dockerd 20.10 answers GET /images/{id}/json and /history: history newest first.
const hardenedInspect = (): ImageInspectLike & Record<string, unknown> => ({
  Id: 'sha256:4f1c0e1a',
  RepoTags: ['shop/web:1.0'],
  Config: {
    User: 'app',
    Env: [
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'DB_PASSWORD_FILE=/run/secrets/db',
      'API_TOKEN=',
    ],
    Healthcheck: { Test: ['CMD-SHELL', 'wget -qO- http://localhost/ || exit 1'] },
  },
});
const classicHistory: ImageHistoryLike[] = [
  {
    CreatedBy:
      '/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "wget -qO- http://localhost/ || exit 1"] "30s" "0s" "0s" \'\\x00\'}',
  },
  { CreatedBy: '/bin/sh -c #(nop)  USER app' },
  { CreatedBy: '/bin/sh -c #(nop) COPY dir:5c1b8f2e in /www ' },
  { CreatedBy: '/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl' },
  { CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]' },
  { CreatedBy: '' },
];
const buildkitHistory: ImageHistoryLike[] = [
  { CreatedBy: 'HEALTHCHECK &{["CMD" "true"] "0s" "0s" "0s" \'\\x00\'}' },
  { CreatedBy: 'USER 1000:1000' },
  { CreatedBy: 'RUN |1 VERSION=1.2 /bin/sh -c apk add --no-cache curl # buildkit' },
  { CreatedBy: 'ARG VERSION=1.2' },
  { CreatedBy: 'COPY app /app # buildkit' },
];

const fired = (
  inspect: ImageInspectLike,
  history: ImageHistoryLike[],
  extra: { setuidFiles?: string[]; setuidTotal?: number } = {},
) => auditImage({ ...imageAuditInput(inspect, history), ...extra });

describe('image rules', () => {
  it('stay silent on a hardened image, classic and BuildKit histories alike', () => {
    expect(fired(hardenedInspect(), classicHistory)).toEqual([]);
    expect(fired(hardenedInspect(), buildkitHistory)).toEqual([]);
    expect(fired(hardenedInspect(), classicHistory, { setuidFiles: [] })).toEqual([]);
  });

  const cases: [
    string,
    string,
    (i: ImageInspectLike & { Config: NonNullable<ImageInspectLike['Config']> }) => ImageHistoryLike[] | void,
    RegExp,
  ][] = [
    ['no USER', 'image-root-user', (i) => void delete i.Config.User, /No USER/],
    ['USER root', 'image-root-user', (i) => void (i.Config.User = 'root'), /USER is root/],
    ['USER 0:0', 'image-root-user', (i) => void (i.Config.User = '0:0'), /USER is 0:0/],
    ['no HEALTHCHECK', 'image-no-healthcheck', (i) => void (i.Config.Healthcheck = null), /no HEALTHCHECK/],
    [
      'HEALTHCHECK NONE',
      'image-no-healthcheck',
      (i) => void (i.Config.Healthcheck = { Test: ['NONE'] }),
      /disables/,
    ],
    [
      'apt-get update alone (classic)',
      'update-alone',
      () => [...classicHistory, { CreatedBy: '/bin/sh -c apt-get update' }],
      /RUN apt-get update without/,
    ],
    [
      'apk update alone (BuildKit)',
      'update-alone',
      () => [{ CreatedBy: 'RUN /bin/sh -c apk update # buildkit' }, ...buildkitHistory],
      /RUN apk update/,
    ],
    [
      'yum -y update alone',
      'update-alone',
      () => [{ CreatedBy: '/bin/sh -c yum -y update && yum clean all' }],
      /yum -y update/,
    ],
    [
      'ADD of a local path (classic)',
      'add-instead-of-copy',
      () => [{ CreatedBy: '/bin/sh -c #(nop) ADD file:9a3b1c in /etc/app.conf ' }],
      /local path/,
    ],
    [
      'ADD of a local path (BuildKit)',
      'add-instead-of-copy',
      () => [{ CreatedBy: 'ADD --chown=app app.conf /etc/ # buildkit' }],
      /local path/,
    ],
    [
      'ADD of an archive',
      'add-instead-of-copy',
      () => [{ CreatedBy: 'ADD rootfs.tar.xz / # buildkit' }],
      /unpacks an archive/,
    ],
    [
      'ADD of a URL',
      'add-instead-of-copy',
      () => [{ CreatedBy: 'ADD https://example.com/tool.tgz /opt/ # buildkit' }],
      /URL/,
    ],
    [
      'a secret ENV',
      'image-secrets',
      (i) => void i.Config.Env?.push('DB_PASSWORD=hunter2'),
      /ENV DB_PASSWORD is set/,
    ],
    [
      'a secret build arg (classic RUN prefix)',
      'image-secrets',
      () => [{ CreatedBy: '|2 GITHUB_TOKEN=ghp_s3cr3t VERSION=1 /bin/sh -c ./fetch.sh' }],
      /build argument GITHUB_TOKEN/,
    ],
    [
      'a secret build arg (BuildKit ARG default)',
      'image-secrets',
      () => [{ CreatedBy: 'ARG AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI' }],
      /AWS_SECRET_ACCESS_KEY/,
    ],
  ];
  it.each(cases)('%s fires %s and nothing else', (_label, ruleId, change, message) => {
    const inspect = hardenedInspect() as ImageInspectLike & {
      Config: NonNullable<ImageInspectLike['Config']>;
    };
    const history = change(inspect) ?? classicHistory;
    const findings = fired(inspect, history);
    expect(findings.map((f) => f.ruleId)).toEqual([ruleId]);
    expect(findings[0]?.message).toMatch(message);
    expect(findings[0]).toMatchObject({
      benchmark: 'CIS Docker Benchmark v1.6.0',
      benchmarkId: imageRules.find((r) => r.id === ruleId)?.benchmarkId,
    });
  });

  it('never puts a secret value in a finding', () => {
    const inspect = hardenedInspect();
    inspect.Config?.Env?.push('STRIPE_API_KEY=sk_live_abcdef', 'ADMIN_PASSWORD=hunter2 with spaces');
    const findings = fired(inspect, [
      { CreatedBy: '|1 NPM_TOKEN=npm_zzz /bin/sh -c npm ci' },
      { CreatedBy: 'ARG PRIVATE_KEY=-----BEGIN' },
    ]);
    const text = JSON.stringify(findings);
    for (const value of ['sk_live', 'hunter2', 'npm_zzz', 'BEGIN']) expect(text).not.toContain(value);
    expect(findings[0]?.message).toBe(
      'ENV STRIPE_API_KEY, ADMIN_PASSWORD are set in the image config; build arguments PRIVATE_KEY, NPM_TOKEN recorded in its history (values not shown).',
    );
  });

  it('ignores secret-looking names without a value and names that point at a file', () => {
    const inspect = hardenedInspect();
    inspect.Config?.Env?.push(
      'MYSQL_ROOT_PASSWORD_FILE=/run/secrets/root',
      'TOKEN_URL=https://auth.example/token',
    );
    expect(
      fired(inspect, [
        { CreatedBy: '/bin/sh -c #(nop)  ARG API_TOKEN' },
        { CreatedBy: 'ARG SESSION_SECRET' },
      ]),
    ).toEqual([]);
  });

  it('install in the same RUN keeps an update silent; an update alone in any layer fires once', () => {
    const same = [
      { CreatedBy: 'RUN /bin/sh -c apk update && apk add curl # buildkit' },
      { CreatedBy: '/bin/sh -c apt-get -q update; apt-get install -y git' },
    ];
    expect(fired(hardenedInspect(), same)).toEqual([]);
    const two = fired(hardenedInspect(), [
      { CreatedBy: '/bin/sh -c apt-get update' },
      { CreatedBy: '/bin/sh -c apt-get update' },
    ]);
    expect(two.map((f) => f.message)).toEqual([
      'RUN apt-get update without an install in the same layer (2 layers).',
    ]);
  });

  it("reports a deep scan's setuid files, capped in the message", () => {
    const files = [
      '/bin/su',
      '/usr/bin/passwd',
      '/usr/bin/newgrp',
      '/usr/bin/chsh',
      '/usr/bin/chfn',
      '/usr/bin/gpasswd',
      '/usr/bin/expiry',
    ];
    const [finding] = fired(hardenedInspect(), classicHistory, { setuidFiles: files, setuidTotal: 9 });
    expect(finding).toMatchObject({
      ruleId: 'setuid-files',
      benchmarkId: '4.8',
      message:
        '9 files with setuid/setgid: /bin/su, /usr/bin/passwd, /usr/bin/newgrp, /usr/bin/chsh, /usr/bin/chfn and 4 more.',
    });
  });

  it('parses both history forms into instructions', () => {
    expect(parseCreatedBy('/bin/sh -c #(nop)  ENV A=b')?.step).toEqual({ instruction: 'ENV', text: 'A=b' });
    expect(parseCreatedBy('/bin/sh -c #(nop) ADD file:abc in / ')?.step).toEqual({
      instruction: 'ADD',
      text: 'file:abc in /',
    });
    expect(parseCreatedBy('RUN |1 A=x y /bin/sh -c make # buildkit')).toEqual({
      step: { instruction: 'RUN', text: 'make' },
      args: [{ name: 'A', set: true }],
    });
    expect(parseCreatedBy('|1 A= /bin/sh -c make')).toEqual({
      step: { instruction: 'RUN', text: 'make' },
      args: [{ name: 'A', set: false }],
    });
    expect(parseCreatedBy('')).toBeUndefined();
  });
});
