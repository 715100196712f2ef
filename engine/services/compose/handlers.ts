import { existsSync } from 'node:fs';
import path from 'node:path';
import type { composeMethods } from '../../contract/methods/compose';
import type { ComposeSource } from '../../contract';
import type { HandlersOf, StreamsOf } from '../context';
import { buildImage, pullImage, imageOf } from './apply/images';
import { down, lifecycle, type LifecycleAction } from './apply/lifecycle';
import { up } from './apply/up';
import { eachLimit } from './apply/context';
import type { ComposeProject } from './model';
import { browse, readEnvFile, readTextFile, writeEnvFile, writeTextFile } from './project/files-api';
import { validateText } from './project/editor-validate';
import { streamProjectLogs } from './project/logs';
import { dependenciesOf, streamOneOff } from './one-off';
import type { ComposeService } from './service';

/** The .env file the project was loaded with, for com.docker.compose.project.environment_file. */
export function environmentFile(project: ComposeProject, source: ComposeSource): string | undefined {
  if (source.envFiles?.length) return path.resolve(source.workingDir, source.envFiles[0] ?? '');
  const dotenv = path.join(project.workingDir, '.env');
  return existsSync(dotenv) ? dotenv : undefined;
}

const cap = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

export function composeHandlers(svc: ComposeService): HandlersOf<typeof composeMethods> {
  const act = (action: LifecycleAction) => (p: { name: string; services?: string[] | undefined; timeoutSeconds?: number | undefined }) =>
    Promise.resolve(
      svc.task(`compose.${action}`, `${cap(action)} ${p.name}`, (a) =>
        lifecycle(a, p.name, action, { ...(p.services ? { services: p.services } : {}), ...(p.timeoutSeconds !== undefined ? { timeoutSeconds: p.timeoutSeconds } : {}) }),
      ),
    );
  return {
    'compose.projects.list': () => svc.listProjects(),
    'compose.projects.get': ({ name }) => svc.get(name),
    'compose.projects.open': ({ source }) => svc.open(source),
    'compose.projects.forget': ({ name }) => Promise.resolve(svc.forget(name)),
    'compose.config': ({ source }) => svc.config(source),
    'compose.dependencies': ({ source, services }) => dependenciesOf(svc, source, services),
    'compose.validate': async ({ content, fileName, workingDir }) => ({ problems: await validateText(content, fileName, workingDir) }),
    'compose.files.read': ({ path: file }) => readTextFile(file),
    'compose.files.write': ({ path: file, content, expectedMtime }) => writeTextFile(file, content, expectedMtime),
    'compose.files.browse': ({ path: dir }) => browse(dir),
    'compose.env.read': ({ workingDir }) => readEnvFile(workingDir),
    'compose.env.write': ({ workingDir, content, expectedMtime }) => writeEnvFile(workingDir, content, expectedMtime),
    'compose.up': async (p) => {
      const project = await svc.load(p.source, p.services);
      svc.remember(project, p.source);
      const envFile = environmentFile(project, p.source);
      return svc.task('compose.up', `Up ${project.name}`, (a) =>
        up(a, project, {
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
        }),
      );
    },
    'compose.down': async (p) => {
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
    },
    'compose.start': act('start'),
    'compose.stop': act('stop'),
    'compose.restart': act('restart'),
    'compose.pause': act('pause'),
    'compose.unpause': act('unpause'),
    'compose.scale': async ({ name, service, replicas }) => {
      const { project, source } = await svc.requireModel(name);
      const envFile = environmentFile(project, source);
      return svc.task('compose.scale', `Scale ${name} ${service} to ${replicas}`, (a) =>
        up(a, project, { services: [service], scale: { [service]: replicas }, noRecreate: true, ...(envFile ? { environmentFile: envFile } : {}) }),
      );
    },
    'compose.pull': async ({ source, services }) => {
      const project = await svc.load(source, services);
      const targets = Object.entries(project.services).filter(([s, c]) => c.image && (!services?.length || services.includes(s)));
      return svc.task('compose.pull', `Pull ${project.name}`, (a) =>
        eachLimit(targets, 4, async ([s, c]) => {
          await pullImage(a, s, imageOf(project, s, c));
          a.step({ id: s, label: s, state: 'done', detail: 'Pulled' });
        }),
      );
    },
    'compose.build': async ({ source, services, noCache }) => {
      const project = await svc.load(source, services);
      const targets = Object.entries(project.services).filter(([s, c]) => c.build && (!services?.length || services.includes(s)));
      return svc.task('compose.build', `Build ${project.name}`, async (a) => {
        for (const [s, c] of targets) {
          await buildImage(a, project, s, c, noCache ? { noCache: true } : {});
          a.step({ id: s, label: s, state: 'done', detail: 'Built' });
        }
      });
    },
    'compose.ps': ({ name, all }) => svc.ps(name, all),
  };
}

export function composeStreams(svc: ComposeService): StreamsOf<'compose.logs' | 'compose.run'> {
  return {
    'compose.run': (ctx) => streamOneOff(svc, ctx),
    'compose.logs': (ctx) =>
      streamProjectLogs(svc.docker(), {
        project: ctx.params.name,
        ...(ctx.params.services ? { services: ctx.params.services } : {}),
        tail: ctx.params.tail,
        follow: ctx.params.follow,
        timestamps: ctx.params.timestamps,
        signal: ctx.signal,
        send: (chunk) => ctx.send(chunk),
        drained: () => ctx.drained(),
        onEvent: (l) => svc.ctx.engine.onEvent(l),
      }),
  };
}
