import type { EngineClient, MethodName, Result, SwarmConfigDetails, SwarmDataKind, SwarmDataSummary, TransferTicket } from '../../../api/contract';

export interface CreateParams {
  name: string;
  labels: Record<string, string>;
}

/** What differs between the Secrets and the Configs tab: words, the store list and the contract methods. */
export interface DataKind {
  kind: SwarmDataKind;
  /** 'secret' / 'config' */
  noun: string;
  title: string;
  list: 'swarmSecrets' | 'swarmConfigs';
  /** The Swarm page tab (its drawer lives at `#/swarm/<tab>/<id>`). */
  tab: 'secrets' | 'configs';
  create(client: EngineClient, p: CreateParams & { content: string }): Promise<Result<SwarmDataSummary>>;
  createUpload(client: EngineClient, p: CreateParams & { size: number }): Promise<Result<TransferTicket>>;
  remove(client: EngineClient, id: string): Promise<Result<void>>;
  /** The methods behind Create and Remove: hidden from roles that may not call them. */
  methods: { create: MethodName; remove: MethodName };
  /** The content too, for configs. */
  inspect(client: EngineClient, id: string): Promise<Result<SwarmDataSummary | SwarmConfigDetails>>;
  /** Where a service sees it by default. */
  mountHint: string;
  empty: string;
}

export const secretKind: DataKind = {
  kind: 'secret',
  noun: 'secret',
  title: 'Secrets',
  list: 'swarmSecrets',
  tab: 'secrets',
  create: (c, p) => c.call('secrets.create', p),
  createUpload: (c, p) => c.call('secrets.createUpload', p),
  remove: (c, id) => c.call('secrets.remove', { id }),
  methods: { create: 'secrets.create', remove: 'secrets.remove' },
  inspect: (c, id) => c.call('secrets.inspect', { id }),
  mountHint: 'Services see it as the file /run/secrets/<name>. Its content cannot be read back, here or through the engine.',
  empty: 'No secrets yet. Create one (a password, a key, a certificate) and give it to services.',
};

export const configKind: DataKind = {
  kind: 'config',
  noun: 'config',
  title: 'Configs',
  list: 'swarmConfigs',
  tab: 'configs',
  create: (c, p) => c.call('configs.create', p),
  createUpload: (c, p) => c.call('configs.createUpload', p),
  remove: (c, id) => c.call('configs.remove', { id }),
  methods: { create: 'configs.create', remove: 'configs.remove' },
  inspect: (c, id) => c.call('configs.inspect', { id }),
  mountHint: 'Services see it as the file /<name> unless they choose another path. Configs are not encrypted: keep passwords in secrets.',
  empty: 'No configs yet. Create one (a configuration file) and give it to services.',
};

export const isConfigDetails = (v: SwarmDataSummary | SwarmConfigDetails): v is SwarmConfigDetails => 'size' in v;
