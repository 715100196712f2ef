import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ComposeSource, MethodParams, TaskRef } from '../../contract';
import { buildImage, imageOf, pullImage } from './apply/images';
import { down, lifecycle, type LifecycleAction } from './apply/lifecycle';
import { eachLimit } from './apply/context';
import { up } from './apply/up';
import type { ComposeProject } from './model';
import type { ComposeService } from './service';

/**
 * The compose use cases that run as tasks: each maps a method's parameters to the apply/ options, names the
 * task and starts it. Handlers stay one line per method.
 */

/** The .env file the project was loaded with, for com.docker.compose.project.environment_file. */
export function environmentFile(project: ComposeProject, source: ComposeSource): string | undefined {
  if (source.envFiles?.length) return path.resolve(source.workingDir, source.envFiles[0] ?? '');
  const dotenv = path.join(project.workingDir, '.env');
  return existsSync(dotenv) ? dotenv : undefined;
}

const cap = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

type LifecycleParams = { name: string; services?: string[] | undefined; timeoutSeconds?: number | undefined };

export function composeLifecycle(svc: ComposeService, action: LifecycleAction, p: LifecycleParams): TaskRef {
  return svc.task(`compose.${action}`, `${cap(action)} ${p.name}`, (a) =>
    lifecycle(a, p.name, action, { ...(p.services ? { services: p.services } : {}), ...(p.timeoutSeconds !== undefined ? { timeoutSeconds: p.timeoutSeconds } : {}) }),
  );
}

export async function composeUp(svc: ComposeService, p: MethodParams<'compose.up'>): Promise<TaskRef> {
  const project = await svc.load(p.source, p.services);
  svc.remember(project, p.source);
  svc.resetScale(project.name, p.services);
  const envFile = environmentFile(project, p.source);
  return svc.task('compose.up', `Up ${project.name}`, (a) => {
    // The load's warnings (obsolete keys, ignored fields, unset variables) go first into the task log, as compose prints them.
    for (const w of project.warnings) a.log(`WARN ${w}`);
    return up(a, project, {
      ...(p.services ? { services: p.services } : {}),
      ...(p.removeOrphans ? { removeOrphans: true } : {}),
      ...(p.forceRecreate ? { forceRecreate: true } : {}),
      ...(p.noRecreate ? { noRecreate: true } : {}),
      ...(p.build ? { build: true } : {}),
      ...(p.pull ? { pull: p.pull } : {}),
      ...(p.noStart ? { noStart: true } : {}),
      ...(p.timeoutSeconds !== undefined ? { timeoutSeconds: p.timeoutSeconds } : {}),
      ...(p.wait ? { wait: true } : {}),
      ...(p.waitTimeoutSeconds !== undefined ? { waitTimeoutMs: p.waitTimeoutSeconds * 1000 } : {}),
      ...(envFile ? { environmentFile: envFile } : {}),
      ...(p.source.envFiles?.length ? { envFiles: p.source.envFiles } : {}),
    });
  });
}

export async function composeDown(svc: ComposeService, p: MethodParams<'compose.down'>): Promise<TaskRef> {
  let name: string;
  let project: ComposeProject | undefined;
  if ('source' in p) {
    project = await svc.load(p.source);
    name = project.name;
  } else {
    name = p.name;
    const source = await svc.sourceByName(name).catch(() => undefined);
    project = source ? await svc.load(source).catch(() => undefined) : undefined;
  }
  const built = project ? new Set(Object.entries(project.services).filter(([, s]) => !s.image).map(([s, c]) => imageOf(project, s, c))) : undefined;
  svc.resetScale(name);
  return svc.task('compose.down', `Down ${name}`, (a) =>
    down(a, name, {
      ...(p.volumes ? { volumes: true } : {}),
      ...(p.removeOrphans ? { removeOrphans: true } : {}),
      ...(p.rmi ? { rmi: p.rmi } : {}),
      ...(p.timeoutSeconds !== undefined ? { timeoutSeconds: p.timeoutSeconds } : {}),
      // Services disabled by profiles are still the project's: their containers are not orphans.
      ...(project ? { modelServices: [...Object.keys(project.services), ...project.disabledServices] } : {}),
      ...(built ? { builtImages: built } : {}),
    }),
  );
}

export async function composeScale(svc: ComposeService, { name, service, replicas }: MethodParams<'compose.scale'>): Promise<TaskRef> {
  const { project, source } = await svc.requireModel(name);
  const envFile = environmentFile(project, source);
  return svc.task('compose.scale', `Scale ${name} ${service} to ${replicas}`, async (a) => {
    await up(a, project, { services: [service], scale: { [service]: replicas }, noRecreate: true, ...(envFile ? { environmentFile: envFile } : {}) });
    svc.scaledTo(name, service, replicas);
  });
}

export async function composePull(svc: ComposeService, { source, services }: MethodParams<'compose.pull'>): Promise<TaskRef> {
  const project = await svc.load(source, services);
  const targets = Object.entries(project.services).filter(([s, c]) => c.image && (!services?.length || services.includes(s)));
  return svc.task('compose.pull', `Pull ${project.name}`, (a) =>
    eachLimit(targets, 4, async ([s, c]) => {
      await pullImage(a, s, imageOf(project, s, c));
      a.step({ id: s, label: s, state: 'done', detail: 'Pulled' });
    }),
  );
}

export async function composeBuild(svc: ComposeService, { source, services, noCache }: MethodParams<'compose.build'>): Promise<TaskRef> {
  const project = await svc.load(source, services);
  const targets = Object.entries(project.services).filter(([s, c]) => c.build && (!services?.length || services.includes(s)));
  return svc.task('compose.build', `Build ${project.name}`, async (a) => {
    for (const [s, c] of targets) {
      await buildImage(a, project, s, c, noCache ? { noCache: true } : {});
      a.step({ id: s, label: s, state: 'done', detail: 'Built' });
    }
  });
}
