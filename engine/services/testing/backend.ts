import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultSettings,
  eventNames,
  type CollectionPatch,
  type ContainerSummary,
  type EngineStatus,
  type EventMap,
  type EventName,
  type Settings,
} from '../../contract';
import type { Backend } from '../../host/backend';
import { createBackend, type CreateBackendOptions } from '../../host/create-backend';
import type { AuditEntry, Caller } from '../../base/audit';
import type { DiscoveryEnv } from '../../providers/types';
import type { RegistriesStore, Store, StoredRegistry } from '../../store/types';
import { openMemoryStore } from '../../store/sqlite';

/** Test support for integration tests of the backend against a real dockerd. */

export const admin: Caller = { role: 'admin', user: 'test', via: 'cli' };

/** Settings and audit kept in memory: these tests are about the engine, not persistence. */
export function memoryStore(): Store & { entries: AuditEntry[] } {
  let settings: Settings = structuredClone(defaultSettings);
  const entries: AuditEntry[] = [];
  // The audit log browser queries in SQL: the entries also go to an in-memory database, so it reads real rows.
  const db = openMemoryStore();
  return {
    entries,
    settings: {
      get: () => settings,
      update: (patch) => {
        settings = { ...settings, ...patch, engine: { ...settings.engine, ...patch.engine } };
        return settings;
      },
    },
    audit: {
      append: (e) => {
        entries.push(e);
        db.audit.append(e);
      },
      list: () => [...entries].reverse(),
      query: (q) => db.audit.query(q),
    },
    registries: memoryRegistries(),
    accounts: db.accounts,
    close: () => db.close(),
  };
}

function memoryRegistries(): RegistriesStore {
  const rows = new Map<string, StoredRegistry>();
  return {
    list: () => [...rows.values()].sort((a, b) => a.name.localeCompare(b.name)),
    get: (id) => rows.get(id),
    put: (r) => {
      if ([...rows.values()].some((o) => o.url === r.url && o.id !== r.id)) throw new Error('UNIQUE constraint failed: registries.url');
      rows.set(r.id, r);
    },
    remove: (id) => void rows.delete(id),
  };
}

/** A machine with no Docker sockets, contexts or DOCKER_HOST: only what the test passes reaches the backend. */
export function emptyMachine(homeDir: string): DiscoveryEnv {
  return {
    env: {},
    homeDir,
    platform: 'linux',
    uid: process.getuid?.() ?? 0,
    isSocket: () => Promise.resolve(false),
    readFile: () => Promise.resolve(undefined),
    readDir: () => Promise.resolve([]),
  };
}

export interface Recorded<E extends EventName> {
  at: number;
  payload: EventMap[E];
}

/** Records every pushed event with its arrival time, and waits for one that matches. */
export class EventLog {
  readonly events = Object.fromEntries(eventNames.map((name) => [name, []])) as unknown as {
    [E in EventName]: Recorded<E>[];
  };
  private readonly waiters = new Set<() => void>();

  constructor(backend: Backend) {
    backend.bus.onAny((event, payload) => {
      (this.events[event] as Recorded<typeof event>[]).push({ at: Date.now(), payload });
      for (const w of this.waiters) w();
    });
  }

  /** Resolves with the first event (recorded at or after `from`) that matches. */
  waitFor<E extends EventName>(
    event: E,
    match: (payload: EventMap[E]) => boolean,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<Recorded<E>> {
    const from = options.from ?? 0;
    const timeoutMs = options.timeoutMs ?? 10_000;
    const find = () => (this.events[event] as Recorded<E>[]).find((r) => r.at >= from && match(r.payload));
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (!hit) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching '${event}' within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  status(
    state: EngineStatus['state'],
    from?: number,
    timeoutMs?: number,
  ): Promise<Recorded<'engine.status'>> {
    return this.waitFor('engine.status', (s) => s.state === state, {
      ...(from !== undefined ? { from } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
  }

  patches(): CollectionPatch<ContainerSummary>[] {
    return this.events['containers.changed'].map((r) => r.payload);
  }
}

export interface TestBackend {
  backend: Backend;
  log: EventLog;
  store: ReturnType<typeof memoryStore>;
  dispose(): Promise<void>;
}

/** A backend on an empty machine, pointed at `endpoint` through the --engine flag. */
export async function startBackend(
  endpoint: string,
  extra: Partial<CreateBackendOptions> = {},
): Promise<TestBackend> {
  const dir = await mkdtemp(join(tmpdir(), 'berth-backend-'));
  const store = memoryStore();
  const backend = await createBackend({
    dataDir: dir,
    store,
    engineFlag: endpoint,
    discoveryEnv: emptyMachine(dir),
    ...extra,
  });
  const log = new EventLog(backend);
  return {
    backend,
    log,
    store,
    async dispose() {
      await backend.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a method as admin and returns the value, or throws the error data as an Error. */
export async function call<T>(backend: Backend, method: string, params: unknown = {}): Promise<T> {
  const r = await backend.dispatch(method, params, admin);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { data: r.error });
  return r.value as T;
}
