import type { EngineStatus, InstallHint } from '../../contract';
import type { EventBus } from '../../base/event-bus';

/**
 * The one place 'engine.status' is built and emitted. `since` moves only when the state itself changes, so a
 * UI can say "unreachable for 40 s" while the reconnect attempt counter keeps updating.
 */
export class EngineStatusTracker {
  private status: EngineStatus = { state: 'idle', since: Date.now() };

  constructor(private readonly bus: EventBus) {}

  get current(): EngineStatus {
    return this.status;
  }

  set(next: Omit<EngineStatus, 'since'>): void {
    const since = next.state === this.status.state ? this.status.since : Date.now();
    this.status = { ...next, since };
    this.bus.emit('engine.status', this.status);
  }
}

export function isInstallHint(value: unknown): value is InstallHint {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && Array.isArray(v.commands) && Array.isArray(v.missing);
}
