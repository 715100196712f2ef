/** Real-shaped template sources for the importer tests, one per format and edge case. */

/** Portainer v1 (before 1.20): an array, `type: "container"`, volumes as strings, env with `set`. */
export const portainerV1 = JSON.stringify([
  {
    type: 'container',
    title: 'Nginx',
    description: 'High performance web server',
    categories: ['webserver'],
    platform: 'linux',
    logo: 'https://example.invalid/nginx.png',
    image: 'nginx:latest',
    ports: ['80/tcp', '443/tcp'],
    volumes: ['/etc/nginx', '/usr/share/nginx/html'],
    env: [{ name: 'NGINX_HOST', label: 'Host name', default: 'localhost' }, { name: 'FIXED', set: 'yes' }],
  },
]);

/** Portainer 1.20: integer types, a stack in a git repository, volumes as objects. */
export const portainer120 = JSON.stringify([
  {
    type: 1,
    title: 'Redis',
    description: 'Open-source in-memory data structure store',
    categories: ['database'],
    image: 'redis:latest',
    ports: ['6379/tcp'],
    volumes: [{ container: '/data' }, { container: '/conf', bind: '/srv/redis', readonly: true }],
    restart_policy: 'always',
  },
  { type: 2, title: 'Swarm monitoring', repository: { url: 'https://github.com/example/stacks', stackfile: 'monitoring/docker-stack.yml' } },
]);

/** Portainer v2: `{version: "2"}`, no ids, select lists, preset env, a compose stack and an unknown field. */
export const portainerV2 = JSON.stringify({
  version: '2',
  templates: [
    {
      type: 1,
      title: 'MySQL',
      description: 'The most popular open-source database',
      categories: ['database'],
      image: 'mysql:8.4',
      name: 'mysql',
      ports: ['3306/tcp'],
      env: [
        { name: 'MYSQL_ROOT_PASSWORD', label: 'Root password' },
        { name: 'MYSQL_ROOT_HOST', label: 'Root host', default: '%', preset: true },
        {
          name: 'MYSQL_CHARSET',
          label: 'Charset',
          select: [
            { text: 'UTF-8 (4 bytes)', value: 'utf8mb4', default: true },
            { text: 'Latin 1', value: 'latin1' },
          ],
        },
      ],
      volumes: [{ container: '/var/lib/mysql' }],
      hostname: 'db',
      interactive: true,
      gpus: 'all',
    },
    { type: 3, title: 'Compose app', repository: { url: 'https://github.com/example/apps', stackfile: 'app/docker-compose.yml' } },
    { type: 1, title: 'Broken, no image' },
  ],
});

/** Portainer v3: ids on every entry. */
export const portainerV3 = JSON.stringify({
  version: '3',
  templates: [
    { id: 1, type: 1, title: 'Hello', image: 'hello:1', ports: ['8080:80/tcp'], env: [{ name: 'GREETING', label: 'Greeting', default: 'hi' }] },
    { id: 2, type: 1, title: 'Hello', image: 'hello:2' },
  ],
});

/** A Panamax application: links with an alias, categories per image, a required environment variable. */
export const pmx = `
name: WordPress with MySQL
description: WordPress blog with a MySQL database
keywords: blog, cms
documentation: |
  # WordPress
  Browse to port 8080.
images:
  - name: WP
    source: centurylink/wordpress:3.9.1
    category: Web Tier
    type: Default
    links:
      - service: DB
        alias: DB_1
    ports:
      - host_port: 8080
        container_port: 80
    environment:
      - variable: DB_PASSWORD
        value: pass@word02
    volumes_from:
      - service: DB
  - name: DB
    source: centurylink/mysql:5.5
    category: DB Tier
    type: mysql
    expose: [3306]
    ports:
      - container_port: 3306
        proto: TCP
    environment:
      - variable: MYSQL_ROOT_PASSWORD
        required: true
        description: The root password
    volumes:
      - host_path: /var/lib/mysql-panamax
        container_path: /var/lib/mysql
      - container_path: /tmp/scratch
    deployment:
      count: 1
    restart: always
`;

/** A billion-laughs document: the compose loader's limits must refuse it. */
export const yamlBomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
services: { x: { image: busybox, command: *g } }
`;
