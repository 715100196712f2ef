import { ErrorCode } from '../../contract';
import { BerthError } from '../../host/errors';
import type { DomainStreams, ServiceContext } from '../context';

// TRANSITIONAL (being replaced in the same change set by the container logs/stats/terminal work): the stream
// names exist in the contract; until their handlers land, opening one ends with a clear error.
const notYet = (what: string) => () =>
  Promise.reject(
    new BerthError(ErrorCode.INTERNAL, `Container ${what} are not available in this build yet.`),
  );

export function containerStreams(_ctx: ServiceContext): DomainStreams<'containers'> {
  return {
    'containers.logs': notYet('logs'),
    'containers.stats': notYet('stats'),
    'containers.exec': notYet('terminals'),
    'containers.attach': notYet('terminals'),
  };
}
