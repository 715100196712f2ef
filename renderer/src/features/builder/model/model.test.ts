import { describe, expect, it } from 'vitest';
import { checkModel } from './checks';
import { parseBuilder } from './derive';
import { editText, EMPTY_FILE } from './document';
import { addService, attachNetwork, connect, detachNetwork, mountVolume, removeService, setEnvironment, setField, setImage, setLayout, setList, unlink, unmountVolume } from './edits';
import { emptyHistory, record, redo, undo } from './history';
import { autoLayout } from './layout';
import { locate } from './locate';
import { asTemplate, parameterRefs } from './template';

const FILE = `# The shop
name: shop
services:
  # the front end
  web:
    image: nginx:1.27  # pinned
    ports:
      - "8080:80"
    environment:
      - MODE=prod
    depends_on: [api]
  api:
    image: shop/api:2
    environment:
      LOG: debug
volumes:
  data: {}
`;

const model = (text: string) => {
  const r = parseBuilder(text);
  if (!r.ok) throw new Error(r.message);
  return r.model;
};

describe('YAML → model', () => {
  it('reads services, their fields and the top-level volumes and networks', () => {
    const m = model(FILE);
    expect(m.services.map((s) => s.name)).toEqual(['web', 'api']);
    expect(m.services[0]).toMatchObject({ image: 'nginx:1.27', ports: ['8080:80'], environment: [['MODE', 'prod']], dependsOn: [{ service: 'api', condition: 'service_started' }] });
    expect(m.services[1]?.environment).toEqual([['LOG', 'debug']]);
    expect(m.volumes).toEqual(['data']);
  });

  it('a syntax error says where and gives no model', () => {
    const r = parseBuilder('services:\n  web: [\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.line).toBeGreaterThan(1);
  });

  it('an empty file is not a model (the canvas keeps the last one)', () => {
    expect(parseBuilder('  \n').ok).toBe(false);
    expect(parseBuilder('services:\n').ok).toBe(true);
  });

  it('an unchanged round-trip is byte for byte the same', () => {
    expect(editText(FILE, () => undefined)).toBe(FILE);
  });
});

describe('canvas edits patch the document, keeping comments and order', () => {
  it('adds a service with a unique name from the image', () => {
    let text = editText(FILE, (d) => addService(d, { image: 'registry:5000/team/web:1' }));
    text = editText(text, (d) => addService(d, { image: 'redis:7' }));
    const m = model(text);
    expect(m.services.map((s) => s.name)).toEqual(['web', 'api', 'web-2', 'redis']);
    expect(text).toContain('# the front end');
    expect(text).toContain('image: nginx:1.27 # pinned');
    expect(text).toContain('depends_on: [api]');
    expect(text.indexOf('name: shop')).toBeLessThan(text.indexOf('services:'));
  });

  it('replaces an image, sets ports and environment in the style already used', () => {
    let text = editText(FILE, (d) => setImage(d, 'web', 'caddy:2'));
    text = editText(text, (d) => setList(d, 'web', 'ports', ['8080:80', '8443:443']));
    text = editText(text, (d) => setEnvironment(d, 'web', [['MODE', 'dev'], ['TOKEN', '${TOKEN}']]));
    text = editText(text, (d) => setEnvironment(d, 'api', [['LOG', 'info']]));
    expect(text).toContain('- MODE=dev\n      - TOKEN=${TOKEN}');
    expect(text).toContain('LOG: info');
    expect(model(text).services[0]).toMatchObject({ image: 'caddy:2', ports: ['8080:80', '8443:443'] });
    expect(text).toContain('# pinned');
  });

  it('an emptied field disappears with its now-empty parents', () => {
    let text = editText(FILE, (d) => setField(d, 'api', 'cpus', '0.5'));
    expect(text).toContain('deploy:\n      resources:\n        limits:\n          cpus: "0.5"');
    text = editText(text, (d) => setField(d, 'api', 'cpus', ''));
    expect(text).not.toContain('deploy');
    text = editText(text, (d) => setList(d, 'web', 'ports', []));
    expect(text).not.toContain('ports');
  });

  it('scalar fields: command, restart, replicas, healthcheck, memory', () => {
    let text = FILE;
    for (const [f, v] of [['command', 'sleep 1'], ['restart', 'unless-stopped'], ['replicas', '3'], ['healthcheck', 'wget -q -O- localhost'], ['memory', '256m']] as const) {
      text = editText(text, (d) => setField(d, 'api', f, v));
    }
    expect(model(text).services[1]).toMatchObject({ command: 'sleep 1', restart: 'unless-stopped', replicas: 3, healthcheck: { test: 'wget -q -O- localhost' }, memory: '256m' });
  });

  it('connecting adds depends_on in the file\'s syntax and a condition converts it to the long form', () => {
    const fresh = editText(EMPTY_FILE, (d) => {
      addService(d, { image: 'a' });
      addService(d, { image: 'b' });
    });
    expect(fresh).toContain('services:\n  a:\n    image: a\n  b:');
    const text = editText(fresh, (d) => connect(d, 'a', 'b'));
    expect(text).toContain('depends_on:\n      - b');
    expect(text).not.toContain('networks'); // both on the implicit default network already
    const healthy = editText(text, (d) => connect(d, 'a', 'b', { condition: 'service_healthy', alias: 'backend' }));
    expect(model(healthy).services[0]).toMatchObject({ dependsOn: [{ service: 'b', condition: 'service_healthy' }], links: ['b:backend'] });
    const cut = editText(healthy, (d) => unlink(d, 'a', 'b'));
    expect(cut).not.toContain('depends_on');
    expect(cut).not.toContain('links');
  });

  it('connecting to a service on its own network puts both on it, keeping default', () => {
    const text = editText(`services:\n  web: {image: w}\n  db:\n    image: d\n    networks: [back]\nnetworks:\n  back:\n`, (d) => connect(d, 'web', 'db'));
    const m = model(text);
    expect(m.services[0]?.networks).toEqual(['default', 'back']);
    expect(checkModel(m)).toEqual([]);
  });

  it('mounting a volume declares it; removing a service removes references to it', () => {
    let text = editText(FILE, (d) => mountVolume(d, 'api', 'cache', '/cache'));
    expect(model(text).volumes).toEqual(['data', 'cache']);
    text = editText(text, (d) => removeService(d, 'api'));
    expect(model(text).services.map((s) => s.name)).toEqual(['web']);
    expect(model(text).services[0]?.dependsOn).toEqual([]);
  });

  it('unmounting a volume takes every mount of it (short and long syntax), keeping the declaration and other mounts', () => {
    const file = `services:\n  db:\n    image: d\n    volumes:\n      - data:/var/lib/db # main\n      - type: volume\n        source: data\n        target: /backup\n      - logs:/logs\nvolumes:\n  data:\n  logs:\n`;
    const text = editText(file, (d) => unmountVolume(d, 'db', 'data'));
    expect(text).toBe(`services:\n  db:\n    image: d\n    volumes:\n      - logs:/logs\nvolumes:\n  data:\n  logs:\n`);
    // The last mount gone, the emptied list goes too.
    expect(editText(text, (d) => unmountVolume(d, 'db', 'logs'))).toBe(`services:\n  db:\n    image: d\nvolumes:\n  data:\n  logs:\n`);
  });

  it('disconnecting a network removes it from the list or the map form, keeping the rest', () => {
    let text = editText(`services:\n  web:\n    image: w\n    networks: [front, back]\nnetworks:\n  front:\n  back:\n`, (d) => detachNetwork(d, 'web', 'back'));
    expect(model(text).services[0]?.networks).toEqual(['front']);
    expect(model(text).networks).toEqual(['front', 'back']);
    text = editText(`services:\n  web:\n    image: w\n    networks:\n      front:\n        aliases: [site]\nnetworks:\n  front:\n`, (d) => detachNetwork(d, 'web', 'front'));
    expect(text).toBe(`services:\n  web:\n    image: w\nnetworks:\n  front:\n`);
    // Attaching again keeps the service on the default network it had while it named none.
    text = editText(text, (d) => attachNetwork(d, 'web', 'front'));
    expect(model(text).services[0]?.networks).toEqual(['default', 'front']);
  });

  it('positions live in x-berth-layout, one flow line per node', () => {
    const text = editText(FILE, (d) => setLayout(d, [{ kind: 'service', name: 'web', position: { x: 10.4, y: 20 } }]));
    expect(text).toContain('x-berth-layout:\n  services:\n    web: {x: 10, y: 20}');
    expect(model(text).layout.service.web).toEqual({ x: 10, y: 20 });
  });
});

describe('semantic checks', () => {
  it('finds port clashes, missing images, unknown references and cycles, located in the text', () => {
    const text = `services:
  a:
    image: x
    ports: ["80:80"]
    depends_on: [b]
  b:
    ports: ["80:8080"]
    depends_on: [a]
    volumes: ["nope:/data"]
    networks: [ghost]
`;
    const r = parseBuilder(text);
    if (!r.ok) throw new Error(r.message);
    const found = locate(r.doc, text, checkModel(r.model));
    const messages = found.map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringContaining('Service b has no image'),
      expect.stringContaining('Port 80:8080 of b is already published by a'),
      expect.stringContaining('network ghost'),
      expect.stringContaining('volume nope'),
      expect.stringContaining('Dependency cycle: a → b → a'),
    ]));
    expect(found.find((p) => p.message.startsWith('Port'))).toMatchObject({ line: 7, col: 13 });
  });

  it('different host addresses or protocols do not clash', () => {
    const m = model(`services:\n  a: {image: x, ports: ["127.0.0.1:80:80", "53:53/udp"]}\n  b: {image: y, ports: ["127.0.0.2:80:80", "53:53"]}\n`);
    expect(checkModel(m)).toEqual([]);
  });
});

describe('layout', () => {
  it('puts dependencies to the right of what depends on them, keeping saved positions', () => {
    const m = model(`services:\n  web: {image: w, depends_on: [api]}\n  api: {image: a, depends_on: [db]}\n  db: {image: d}\nx-berth-layout:\n  services:\n    db: {x: 999, y: 5}\n`);
    const l = autoLayout(m);
    expect(l.service.web?.x).toBeLessThan(l.service.api?.x ?? 0);
    expect(l.service.db).toEqual({ x: 999, y: 5 });
    expect(autoLayout(m, true).service.db?.x).toBeGreaterThan(l.service.api?.x ?? 0);
  });
});

describe('history', () => {
  it('undoes and redoes, coalescing a burst of typing in one field', () => {
    let h = emptyHistory();
    h = record(h, 'v0', 'image', 1000);
    h = record(h, 'v1', 'image', 1500); // same burst: v0 stays the undo point
    h = record(h, 'v2', undefined, 5000);
    const u1 = undo(h, 'v3');
    expect(u1?.text).toBe('v2');
    const u2 = u1 && undo(u1.history, u1.text);
    expect(u2?.text).toBe('v0');
    const r1 = u2 && redo(u2.history, u2.text);
    expect(r1?.text).toBe('v2');
    expect(undo(emptyHistory(), 'x')).toBeUndefined();
  });
});

describe('template', () => {
  it('declares referenced parameters and a title, x-berth first', () => {
    const text = editText(`services:\n  web:\n    image: w\n    environment:\n      PASS: \${PASS}\n      PORT: \${PORT:-80}\n`, (d) => asTemplate(d, 'My app'));
    expect(text.startsWith('x-berth:\n  title: My app')).toBe(true);
    const r = parseBuilder(text);
    if (!r.ok) throw new Error(r.message);
    expect(parameterRefs(r.doc).map((p) => p.name)).toEqual(['PASS', 'PORT']);
    expect(text).toContain('PORT:\n      label: PORT\n      default: "80"');
  });
});
