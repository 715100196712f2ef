import { createBridge, deleteLink, type HostBridge } from '../../engine/providers/cluster/host-net';

export { overlaps } from '../../engine/providers/cluster/ipv4';
export { usedPrefixes } from '../../engine/providers/cluster/host-net';

export type TestBridge = HostBridge;

/** A test engine's own bridge (the product's bridge code, with the harness's `bth` name prefix). */
export function createTestBridge(attempts = 20): Promise<TestBridge> {
  return createBridge('bth', attempts);
}

export async function deleteTestBridge(name: string): Promise<void> {
  await deleteLink(name);
}
