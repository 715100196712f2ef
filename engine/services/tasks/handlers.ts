import type { taskMethods } from '../../contract/methods/tasks';
import type { StreamContext } from '../../base/handlers';
import type { Domain, ServiceContext } from '../context';
import type { TaskManager } from './task-manager';

/** The tasks domain: the task list, cancel/dismiss, and the live log of one task. */
export function tasksDomain({ tasks }: ServiceContext): Domain<typeof taskMethods, 'tasks.log'> {
  return {
    handlers: {
      'tasks.list': () => Promise.resolve(tasks.list()),
      'tasks.cancel': ({ id }) => Promise.resolve(tasks.cancel(id)),
      'tasks.dismiss': ({ id }) => Promise.resolve(tasks.dismiss(id)),
    },
    streams: { 'tasks.log': (ctx) => followTaskLog(tasks, ctx) },
  };
}

function followTaskLog(tasks: TaskManager, ctx: StreamContext<'tasks.log'>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stop: () => void = () => undefined;
    try {
      stop = tasks.followLog(ctx.params.id, (lines) => void ctx.send({ lines }), resolve);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    ctx.signal.addEventListener('abort', () => {
      stop();
      resolve();
    });
  });
}
