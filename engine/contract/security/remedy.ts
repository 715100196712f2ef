import type { ContainerChanges } from '../methods/container-spec';
import type { Remedy } from './types';

/** The `containers.recreate` changes for a remedy; a limit remedy takes the value the user picked (or its suggestion). */
export function remedyChanges(remedy: Remedy, value?: number): ContainerChanges {
  if ('changes' in remedy) return remedy.changes;
  return { [remedy.field]: value ?? remedy.suggested };
}
