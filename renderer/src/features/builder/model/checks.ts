import type { BuilderModel, ModelProblem } from './types';

// Berth's semantic checks of the model, shown on the nodes while the user builds (the schema and the loader's
// own checks come from compose.validate).

/** The host side of a published port (`8080:80`, `127.0.0.1:8080:80/udp`), with its protocol; undefined if none. */
export function publishedPort(spec: string): string | undefined {
  const [main = '', protocol = 'tcp'] = spec.split('/');
  const parts = main.split(':');
  if (parts.length < 2) return undefined;
  const host = parts[parts.length - 2] ?? '';
  const ip = parts.length > 2 ? parts.slice(0, -2).join(':') : '0.0.0.0';
  return host ? `${ip}:${host}/${protocol}` : undefined;
}

export function checkModel(model: BuilderModel): ModelProblem[] {
  return [...missingImages(model), ...portClashes(model), ...unknownReferences(model), ...cycles(model)];
}

function missingImages(model: BuilderModel): ModelProblem[] {
  return model.services
    .filter((s) => !s.build && !s.image?.trim())
    .map((s) => ({
      message: `Service ${s.name} has no image: drop an image on it or type one in its editor`,
      severity: 'error' as const,
      path: ['services', s.name],
      node: { kind: 'service' as const, name: s.name },
    }));
}

function portClashes(model: BuilderModel): ModelProblem[] {
  const owners = new Map<string, string>();
  const problems: ModelProblem[] = [];
  for (const s of model.services) {
    s.ports.forEach((spec, i) => {
      const port = publishedPort(spec);
      if (!port) return;
      const hostPort = port.split(':').pop() ?? port;
      const clash = [...owners].find(([p]) => p.split(':').pop() === hostPort && (p === port || p.startsWith('0.0.0.0:') || port.startsWith('0.0.0.0:')));
      if (clash) {
        problems.push({
          message: `Port ${spec} of ${s.name} is already published by ${clash[1]}`,
          severity: 'error',
          path: ['services', s.name, 'ports', i],
          node: { kind: 'service', name: s.name },
        });
      } else owners.set(port, s.name);
    });
  }
  return problems;
}

function unknownReferences(model: BuilderModel): ModelProblem[] {
  const names = new Set(model.services.map((s) => s.name));
  const problems: ModelProblem[] = [];
  for (const s of model.services) {
    const node = { kind: 'service' as const, name: s.name };
    for (const d of s.dependsOn) {
      if (!names.has(d.service)) problems.push({ message: `${s.name} depends on ${d.service}, which is not a service here`, severity: 'error', path: ['services', s.name, 'depends_on'], node });
    }
    s.networks.forEach((n, i) => {
      if (n !== 'default' && !model.networks.includes(n)) {
        problems.push({ message: `${s.name} uses network ${n}, which is not declared under networks:`, severity: 'error', path: ['services', s.name, 'networks', i], node });
      }
    });
    s.volumes.forEach((v, i) => {
      const source = v.split(':')[0] ?? '';
      const named = v.includes(':') && /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source);
      if (named && !model.volumes.includes(source)) {
        problems.push({ message: `${s.name} mounts volume ${source}, which is not declared under volumes:`, severity: 'error', path: ['services', s.name, 'volumes', i], node });
      }
    });
  }
  return problems;
}

/** Each dependency cycle once, named in order (`a → b → a`). */
function cycles(model: BuilderModel): ModelProblem[] {
  const deps = new Map(model.services.map((s) => [s.name, s.dependsOn.map((d) => d.service)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: ModelProblem[] = [];
  const visit = (name: string, stack: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const loop = [...stack.slice(stack.indexOf(name)), name];
      problems.push({
        message: `Dependency cycle: ${loop.join(' → ')}`,
        severity: 'error',
        path: ['services', name, 'depends_on'],
        node: { kind: 'service', name },
      });
      return;
    }
    state.set(name, 'visiting');
    for (const d of deps.get(name) ?? []) if (deps.has(d)) visit(d, [...stack, name]);
    state.set(name, 'done');
  };
  for (const name of deps.keys()) visit(name, []);
  return problems;
}
