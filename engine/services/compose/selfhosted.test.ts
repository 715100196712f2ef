import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from './load';
import type { ComposeProject } from './model';

// testdata/selfhosted/compose.yaml: 57 services built from x- blocks whose anchors merge each other (~145 alias
// uses), the shape of the large self-hosted stacks people publish. Each expectation below is what YAML merge keys
// mean (explicit keys win, then earlier merged maps) and what docker-compose 1.29.2 prints for the file (the
// conformance integration test compares the whole file with it).
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata', 'selfhosted', 'compose.yaml');
const logging = { driver: 'json-file', options: { 'max-size': '10m', 'max-file': '3' } };
const env = { TZ: 'Europe/Berlin', PUID: '1000', PGID: '1000' };
const dbDeps = { postgres: { condition: 'service_healthy', required: true }, redis: { condition: 'service_started', required: true } };

describe('a 57-service self-hosted stack built from nested anchors and merges', () => {
  let project: ComposeProject;
  beforeAll(async () => {
    project = await loadProject({ files: [file], env: {}, projectName: 'homelab' });
  });
  const svc = (name: string) => {
    const s = project.services[name];
    if (!s) throw new Error(`service ${name} missing`);
    return s;
  };

  it('loads every service without warnings', () => {
    expect(Object.keys(project.services)).toHaveLength(57);
    expect(project.warnings).toEqual([]);
  });

  it('gives every service the defaults block: restart policy, logging, environment, security options', () => {
    for (const [name, s] of Object.entries(project.services)) {
      expect(s.restart, name).toBe('unless-stopped');
      expect(s.logging, name).toEqual(logging);
      expect(s.security_opt, name).toEqual(['no-new-privileges:true']);
      expect(s.environment, name).toMatchObject(env);
    }
  });

  it('a web service merges x-web, which merges x-defaults and the depends_on and healthcheck defaults', () => {
    const s = svc('nextcloud');
    expect(s.depends_on).toEqual(dbDeps);
    expect(s.networks).toEqual({ backend: null, frontend: null });
    expect(s.healthcheck).toEqual({ test: ['CMD', 'wget', '-q', '--spider', 'http://localhost/'], interval: '30s', timeout: '10s', retries: 5, start_period: '20s' });
    // Its own environment block merges x-env and adds a key.
    expect(s.environment).toEqual({ ...env, APP_URL: 'https://nextcloud.home.example' });
    expect(s.dns).toEqual(['1.1.1.1', '9.9.9.9']);
  });

  it('a key a service sets itself replaces the merged one whole (no deep merge)', () => {
    // firefly-cron's own depends_on replaces x-worker's (which also lists mosquitto).
    expect(svc('firefly-cron').depends_on).toEqual({ ...dbDeps, firefly: { condition: 'service_healthy', required: true } });
    expect(svc('immich-ml').depends_on).toEqual({ ...dbDeps, mosquitto: { condition: 'service_started', required: true } });
    // postgres merges the healthcheck defaults and overrides only the interval.
    expect(svc('postgres').healthcheck).toEqual({ test: ['CMD-SHELL', 'pg_isready -U postgres'], interval: '10s', timeout: '10s', retries: 5, start_period: '20s' });
    expect(svc('postgres').networks).toEqual({ backend: null });
  });

  it('a media service gets the media volume and memory limit from x-media', () => {
    const s = svc('jellyfin');
    expect(s.volumes).toEqual([{ type: 'volume', source: 'media', target: '/media', volume: {} }]);
    expect(s.deploy).toEqual({ resources: { limits: { memory: '1g' } } });
    expect(s.depends_on).toBeUndefined();
    expect(s.ports).toEqual([{ mode: 'ingress', host_ip: '127.0.0.1', target: 8096, published: '20002', protocol: 'tcp' }]);
  });
});
