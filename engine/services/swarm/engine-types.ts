/** Moved to services/common (stacks uses it too). */
export type * from '../common/swarm-engine-types';
