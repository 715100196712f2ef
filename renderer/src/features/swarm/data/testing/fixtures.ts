import type { SwarmDataSummary } from '../../../../api/contract';

/** A secret or config as the list holds it. */
export function swarmData(name: string, overrides: Partial<SwarmDataSummary> = {}): SwarmDataSummary {
  return {
    id: `${name}-id-0000000000`,
    name,
    labels: {},
    createdAt: Date.parse('2026-12-07T10:00:00Z'),
    updatedAt: Date.parse('2026-12-07T10:00:00Z'),
    version: 11,
    usedBy: [],
    ...overrides,
  };
}
