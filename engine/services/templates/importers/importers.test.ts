import { describe, expect, it } from 'vitest';
import { parseUntrusted } from '../yaml';
import { portainer120, portainerV1, portainerV2, portainerV3, pmx } from '../testing/samples';
import { convertText } from '.';
import { convertDockerRun } from './docker-run';

const service = (c: ReturnType<typeof convertText>, i = 0) => Object.values(c.templates[i]?.template.compose.services as Record<string, Record<string, unknown>>)[0];

describe('Portainer importer', () => {
  it('reads v1 lists: string types, string volumes, `set` env as a fixed value', () => {
    const c = convertText(portainerV1, 'v1.json');
    expect(c.format).toBe('portainer');
    expect(c.templates.map((t) => t.name)).toEqual(['nginx']);
    expect(service(c)).toMatchObject({ image: 'nginx:latest', ports: ['80/tcp', '443/tcp'], volumes: ['/etc/nginx', '/usr/share/nginx/html'], environment: { NGINX_HOST: '${NGINX_HOST}', FIXED: 'yes' } });
    expect(c.templates[0]?.template.parameters).toEqual([{ name: 'NGINX_HOST', label: 'Host name', default: 'localhost', required: false, secret: false }]);
    expect(c.templates[0]?.template.metadata).toMatchObject({ title: 'Nginx', categories: ['webserver'], logo: 'https://example.invalid/nginx.png' });
  });

  it('reads 1.20 lists: integer types, bind/readonly volumes, and reports the swarm stack it cannot fetch', () => {
    const c = convertText(portainer120, '1.20.json');
    expect(service(c)).toMatchObject({ image: 'redis:latest', restart: 'always', volumes: ['/data', '/srv/redis:/conf:ro'] });
    expect(c.problems).toEqual([{ item: 'Portainer template 2 (Swarm monitoring)', message: expect.stringContaining('https://github.com/example/stacks (monitoring/docker-stack.yml)') as string }]);
  });

  it('reads v2 lists without ids: select lists, preset env, secrets guessed, and every unconverted field named', () => {
    const c = convertText(portainerV2, 'v2.json');
    expect(c.templates).toHaveLength(1);
    const t = c.templates[0]?.template;
    expect(t?.parameters).toEqual([
      { name: 'MYSQL_ROOT_PASSWORD', label: 'Root password', required: false, secret: true },
      { name: 'MYSQL_CHARSET', label: 'Charset', default: 'utf8mb4', required: false, secret: false, options: [{ value: 'utf8mb4', label: 'UTF-8 (4 bytes)' }, { value: 'latin1', label: 'Latin 1' }] },
    ]);
    expect(service(c)).toMatchObject({ container_name: 'mysql', hostname: 'db', stdin_open: true, tty: true, environment: { MYSQL_ROOT_HOST: '%', MYSQL_CHARSET: '${MYSQL_CHARSET}' } });
    expect(c.problems.map((p) => `${p.item}: ${p.message}`)).toEqual([
      expect.stringMatching(/^Portainer template 1 \(MySQL\): field "gpus" has no compose equivalent/) as string,
      expect.stringMatching(/^Portainer template 2 \(Compose app\): a compose stack .*app\/docker-compose.yml/) as string,
      expect.stringMatching(/^Portainer template 3 \(Broken, no image\): no image/) as string,
    ]);
  });

  it('reads v3 lists with ids and gives clashing titles distinct names', () => {
    const c = convertText(portainerV3, 'v3.json');
    expect(c.templates.map((t) => t.name)).toEqual(['hello', 'hello-2']);
    expect(service(c)).toMatchObject({ ports: ['8080:80/tcp'] });
  });

  it('refuses malformed catalogs with a clear error, and names an unknown version', () => {
    expect(() => convertText('{"version": "2", "templates": [', 'bad.json')).toThrow(/bad.json cannot be read/);
    expect(convertText('{"version": "9", "templates": []}', 'v9.json').problems).toEqual([{ item: 'v9.json', message: expect.stringContaining('version "9"') as string }]);
    expect(() => convertText('[1, 2]', 'nums.json')).toThrow(/not a template/);
  });
});

describe('Panamax importer', () => {
  it('turns links into links + depends_on, categories and keywords into categories, required env into parameters', () => {
    const c = convertText(pmx, 'wp.pmx');
    expect(c.format).toBe('pmx');
    const t = c.templates[0]?.template;
    expect(t?.metadata).toMatchObject({ title: 'WordPress with MySQL', categories: ['blog', 'cms', 'Web Tier', 'DB Tier'], documentation: expect.stringContaining('# WordPress') as string });
    const services = t?.compose.services as Record<string, Record<string, unknown>>;
    expect(services.wp).toMatchObject({ image: 'centurylink/wordpress:3.9.1', links: ['db:DB_1'], depends_on: ['db'], ports: ['8080:80'], environment: { DB_PASSWORD: 'pass@word02' }, volumes_from: ['db'] });
    expect(services.db).toMatchObject({ expose: ['3306'], ports: ['3306'], environment: { MYSQL_ROOT_PASSWORD: '${MYSQL_ROOT_PASSWORD}' }, volumes: ['/var/lib/mysql-panamax:/var/lib/mysql', '/tmp/scratch'] });
    expect(t?.parameters).toEqual([{ name: 'MYSQL_ROOT_PASSWORD', label: 'MYSQL_ROOT_PASSWORD', description: 'The root password', required: true, secret: false }]);
    expect(c.problems).toEqual([{ item: 'pmx image DB', message: 'field "restart" has no compose equivalent; not converted' }]);
  });

  it('reports a link to an image the application does not have', () => {
    const c = convertText('name: x\nimages:\n  - name: a\n    source: busybox\n    links: [{service: ghost}]\n', 'x.pmx');
    expect(c.problems).toEqual([{ item: 'pmx image a', message: 'links to "ghost", which is not an image of this application' }]);
  });
});

describe('docker run importer', () => {
  it('converts the common options, quoting and continuation lines', () => {
    const c = convertDockerRun(`docker run -d --name web -p 8080:80 -p127.0.0.1:8443:443 \\
      -e "GREETING=hello world" -e API_TOKEN -v data:/data --mount type=bind,source=/srv,target=/srv,readonly \\
      --restart unless-stopped -it --health-cmd 'wget -qO- localhost' --cpus 1.5 -l tier=front --rm \\
      nginx:1.27 nginx -g 'daemon off;'`);
    const svc = c.templates[0]?.template.compose.services as Record<string, Record<string, unknown>>;
    expect(c.templates[0]?.name).toBe('web');
    expect(svc.web).toEqual({
      container_name: 'web',
      ports: ['8080:80', '127.0.0.1:8443:443'],
      environment: { GREETING: 'hello world', API_TOKEN: '${API_TOKEN}' },
      volumes: ['data:/data', { type: 'bind', source: '/srv', target: '/srv', read_only: true }],
      restart: 'unless-stopped',
      stdin_open: true,
      tty: true,
      healthcheck: { test: ['CMD-SHELL', 'wget -qO- localhost'] },
      cpus: 1.5,
      labels: { tier: 'front' },
      image: 'nginx:1.27',
      command: ['nginx', '-g', 'daemon off;'],
    });
    expect(c.templates[0]?.template.parameters).toEqual([{ name: 'API_TOKEN', label: 'API_TOKEN', required: true, secret: true }]);
    expect(c.problems).toEqual([{ item: 'docker run', message: expect.stringContaining('--rm') as string }]);
  });

  it('refuses what it cannot convert instead of guessing', () => {
    expect(() => convertDockerRun('docker ps')).toThrow(/Not a docker run command/);
    expect(() => convertDockerRun('docker run --gpus all nginx')).toThrow(/--gpus is not one Berth can convert/);
    expect(() => convertDockerRun('docker run -d')).toThrow(/names no image/);
    expect(() => convertDockerRun('docker run nginx; rm -rf /')).toThrow(/single docker run command/);
    expect(() => convertDockerRun("docker run -e 'A=1 nginx")).toThrow(/unclosed ' quote/);
  });
});

describe('compose file importer', () => {
  it('makes every referenced variable a parameter, with its default and required marker', () => {
    const c = convertText('name: shop\nservices:\n  web:\n    image: "shop:${TAG:-1.0}"\n    ports: ["${PORT:?set a port}:80"]\n    environment:\n      DB_PASSWORD: $DB_PASSWORD\n      LITERAL: "$$HOME"\n', 'compose.yaml');
    expect(c.format).toBe('compose');
    expect(c.templates[0]?.name).toBe('shop');
    expect(c.templates[0]?.template.parameters).toEqual([
      { name: 'TAG', label: 'TAG', default: '1.0', required: false, secret: false },
      { name: 'PORT', label: 'PORT', required: true, secret: false },
      { name: 'DB_PASSWORD', label: 'DB_PASSWORD', required: false, secret: true },
    ]);
    expect(c.templates[0]?.template.compose.name).toBeUndefined();
  });

  it('parses every format through the compose loader’s defensive parser', () => {
    expect(parseUntrusted('{"a": 1}', 'x')).toEqual({ a: 1 });
    expect(() => parseUntrusted('a: 1\na: 2\n', 'dup.yaml')).toThrow(/dup.yaml cannot be read/);
  });
});
