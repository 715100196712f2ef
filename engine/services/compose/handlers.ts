import type { composeMethods } from '../../contract/methods/compose';
import type { Domain, ServiceContext } from '../context';
import { composeBuild, composeDown, composeLifecycle, composePull, composeScale, composeUp } from './operations';
import { browse, readEnvFile, readTextFile, writeEnvFile, writeTextFile } from './project/files-api';
import { validateText } from './project/editor-validate';
import { streamProjectLogs } from './project/logs';
import { dependenciesOf, streamOneOff } from './one-off';
import { ComposeService } from './service';

/** The compose domain: projects and their live list, files, and every compose command; the logic lives in the service. */
export function composeDomain(ctx: ServiceContext): Domain<typeof composeMethods, 'compose.logs' | 'compose.run'> {
  const svc = new ComposeService(ctx);
  return {
    handlers: {
      'compose.projects.list': () => svc.listProjects(),
      'compose.projects.get': ({ name }) => svc.get(name),
      'compose.projects.open': ({ source }) => svc.open(source),
      'compose.projects.forget': ({ name }) => Promise.resolve(svc.forget(name)),
      'compose.config': ({ source }) => svc.config(source),
      'compose.dependencies': ({ source, services }) => dependenciesOf(svc, source, services),
      'compose.validate': async ({ content, fileName, workingDir }) => ({ problems: await validateText(content, fileName, workingDir) }),
      'compose.files.read': ({ path: file }) => readTextFile(file),
      'compose.files.write': ({ path: file, content, expectedMtime }) => writeTextFile(file, content, expectedMtime),
      'compose.files.browse': ({ path: dir, showHidden }) => browse(dir, showHidden),
      'compose.env.read': ({ workingDir }) => readEnvFile(workingDir),
      'compose.env.write': ({ workingDir, content, expectedMtime }) => writeEnvFile(workingDir, content, expectedMtime),
      'compose.up': (p) => composeUp(svc, p),
      'compose.down': (p) => composeDown(svc, p),
      'compose.start': (p) => Promise.resolve(composeLifecycle(svc, 'start', p)),
      'compose.stop': (p) => Promise.resolve(composeLifecycle(svc, 'stop', p)),
      'compose.restart': (p) => Promise.resolve(composeLifecycle(svc, 'restart', p)),
      'compose.pause': (p) => Promise.resolve(composeLifecycle(svc, 'pause', p)),
      'compose.unpause': (p) => Promise.resolve(composeLifecycle(svc, 'unpause', p)),
      'compose.scale': (p) => composeScale(svc, p),
      'compose.pull': (p) => composePull(svc, p),
      'compose.build': (p) => composeBuild(svc, p),
      'compose.ps': ({ name, all }) => svc.ps(name, all),
    },
    streams: {
      'compose.run': (s) => streamOneOff(svc, s),
      'compose.logs': (s) =>
        streamProjectLogs(svc.docker(), {
          project: s.params.name,
          ...(s.params.services ? { services: s.params.services } : {}),
          tail: s.params.tail,
          follow: s.params.follow,
          timestamps: s.params.timestamps,
          signal: s.signal,
          send: (chunk) => s.send(chunk),
          drained: () => s.drained(),
          onEvent: (l) => ctx.engine.onEvent(l),
        }),
    },
    dispose: () => svc.dispose(),
  };
}
