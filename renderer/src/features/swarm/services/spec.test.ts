import { describe, expect, it } from 'vitest';
import { draftFromSpec, emptyDraft, type ServiceDraft } from './draft';
import { serverFieldErrors, validateDraft } from './spec';

const draft = (patch: Partial<ServiceDraft>): ServiceDraft => ({
  ...emptyDraft,
  name: 'web',
  image: 'nginx:1.27',
  ...patch,
});

describe('service form ↔ spec', () => {
  it('builds the contract spec from the form', () => {
    const { spec, errors } = validateDraft(
      draft({
        replicas: '3',
        command: `sh -c 'echo hi; sleep 1d'`,
        env: 'A=1\n\nB=two words',
        labels: 'team=web',
        ports: [{ target: '80', published: '8080', protocol: 'tcp', mode: 'host' }],
        mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: true }],
        networks: 'front\nback',
        constraints: 'node.role==worker',
        preferences: 'node.labels.zone',
        limitCpus: '0.5',
        limitMemory: '256m',
        restartCondition: 'on-failure',
        restartMaxAttempts: '3',
        secrets: 'db_pw\napi_key:key.txt',
      }),
    );
    expect(errors).toEqual({});
    expect(spec).toMatchObject({
      name: 'web',
      replicas: 3,
      command: ['sh', '-c', 'echo hi; sleep 1d'],
      env: ['A=1', 'B=two words'],
      labels: { team: 'web' },
      ports: [{ target: 80, published: 8080, protocol: 'tcp', mode: 'host' }],
      mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: true }],
      networks: [{ target: 'front' }, { target: 'back' }],
      constraints: ['node.role==worker'],
      preferences: [{ spread: 'node.labels.zone' }],
      limits: { cpus: 0.5, memoryBytes: 256 * 1024 * 1024 },
      restartPolicy: { condition: 'on-failure', maxAttempts: 3 },
      secrets: [{ secret: 'db_pw' }, { secret: 'api_key', target: 'key.txt' }],
    });
  });

  it('places problems on the field they concern, with the line for list boxes', () => {
    const { spec, errors } = validateDraft(
      draft({
        image: 'Nginx:latest',
        replicas: 'three',
        env: 'A=1\nnot-an-assignment',
        ports: [{ target: '70000', published: '', protocol: 'tcp', mode: 'ingress' }],
        mounts: [{ type: 'bind', source: 'relative', target: 'data', readOnly: false }],
        constraints: '\nrole is manager',
        limitMemory: 'lots',
        update: { ...emptyDraft.update, maxFailureRatio: '2' },
        command: `echo 'unclosed`,
      }),
    );
    expect(spec).toBeUndefined();
    expect(errors).toMatchObject({
      image: expect.stringContaining('is not a valid image reference') as string,
      replicas: 'A whole number',
      env: 'Line 2: Environment entries are KEY=VALUE',
      'ports.0.target': 'Ports are 1 to 65535',
      'mounts.0.source': 'A bind mount needs an absolute host path',
      'mounts.0.target': 'The path in the container must be absolute (start with /)',
      constraints: 'Line 2: A constraint is like node.role==manager',
      limitMemory: 'A size such as 512m or 1g',
      command: 'A quote is not closed',
    });
    expect(errors['update.maxFailureRatio']).toBeDefined();
  });

  it('fills the edit form from a spec and keeps what the form does not show', () => {
    const { draft: d, kept } = draftFromSpec({
      name: 'api',
      image: 'registry:5000/api:2',
      replicas: 2,
      command: ['node', 'server.js', '--name', 'a b'],
      env: ['PORT=3000'],
      healthcheck: { test: ['CMD', 'true'] },
      networks: [{ target: 'back', aliases: ['api-internal'] }],
      secrets: [{ secret: 'db_pw', target: 'db', mode: 0o400 }],
      limits: { memoryBytes: 512 * 1024 * 1024 },
    });
    expect(d).toMatchObject({
      name: 'api',
      replicas: '2',
      command: `node server.js --name 'a b'`,
      env: 'PORT=3000',
      networks: 'back',
      secrets: 'db_pw:db',
      limitMemory: '512m',
    });
    const { spec } = validateDraft(d, kept);
    expect(spec).toMatchObject({
      healthcheck: { test: ['CMD', 'true'] },
      networks: [{ target: 'back', aliases: ['api-internal'] }],
      secrets: [{ secret: 'db_pw', target: 'db', mode: 0o400 }],
    });
  });

  it('maps engine refusals to fields', () => {
    const d = draft({ ports: [{ target: '80', published: '8080', protocol: 'tcp', mode: 'ingress' }] });
    expect(
      serverFieldErrors(
        {
          code: 'INVALID_ARGUMENT',
          message: 'Invalid spec.env.0',
          details: [{ path: 'spec.ports.0.target', message: 'bad' }],
        },
        d,
      ),
    ).toEqual({ 'ports.0.target': 'bad' });
    expect(serverFieldErrors({ code: 'NOT_FOUND', message: 'secret not found: db_pw' }, d)).toEqual({
      secrets: 'secret not found: db_pw',
    });
    expect(
      serverFieldErrors({ code: 'CONFLICT', message: 'port 8080 is already in use by service other' }, d),
    ).toEqual({ 'ports.0.published': 'port 8080 is already in use by service other' });
    expect(serverFieldErrors({ code: 'CONFLICT', message: 'service web already exists' }, d)).toEqual({
      name: 'A service with this name exists already',
    });
  });
});
