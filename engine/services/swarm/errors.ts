/** Moved to services/common (stacks uses it too). */
export * from '../common/swarm-errors';
