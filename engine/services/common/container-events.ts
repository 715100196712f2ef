import type { DockerEvent } from '../../docker/events';

/** Container events that cannot change a row of any list; fetching for them would only cost requests. */
const IGNORED_ACTIONS = /^(exec_|attach|detach|resize|top|export|commit|copy|archive-path|extract-to-dir)/;

/** Whether a container event may change how the container (or its compose project) is listed. */
export const changesContainerRow = (event: DockerEvent): boolean =>
  event.type === 'container' && !IGNORED_ACTIONS.test(event.action);
