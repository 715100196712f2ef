import type { ServiceContext, DomainHandlers, DomainStreams } from '../context';

export function taskHandlers({ tasks }: ServiceContext): DomainHandlers<'tasks'> {
  return {
    'tasks.list': () => Promise.resolve(tasks.list()),
    'tasks.cancel': ({ id }) => Promise.resolve(tasks.cancel(id)),
    'tasks.dismiss': ({ id }) => Promise.resolve(tasks.dismiss(id)),
  };
}

export function taskStreams({ tasks }: ServiceContext): DomainStreams<'tasks'> {
  return {
    'tasks.log': (ctx) =>
      new Promise<void>((resolve, reject) => {
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
      }),
  };
}
