/** The Engine API's swarm objects, as far as Berth reads them (unknown fields are kept, never dropped). */

export interface EngineVersion {
  Index?: number;
}

export interface EngineNode {
  ID: string;
  Version?: EngineVersion;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: { Name?: string; Role?: string; Availability?: string; Labels?: Record<string, string> };
  Description?: {
    Hostname?: string;
    Platform?: { OS?: string; Architecture?: string };
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
    Engine?: { EngineVersion?: string; Labels?: Record<string, string> };
  };
  Status?: { State?: string; Message?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string };
}

export interface EnginePortConfig {
  Name?: string;
  Protocol?: 'tcp' | 'udp' | 'sctp';
  TargetPort: number;
  PublishedPort?: number;
  PublishMode?: 'ingress' | 'host';
}

export interface EngineUpdateConfig {
  Parallelism?: number;
  Delay?: number;
  FailureAction?: string;
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: string;
}

export interface EngineResources {
  NanoCPUs?: number;
  MemoryBytes?: number;
  [k: string]: unknown;
}

export interface EngineFileRef {
  File?: { Name?: string; UID?: string; GID?: string; Mode?: number };
  SecretID?: string;
  SecretName?: string;
  ConfigID?: string;
  ConfigName?: string;
}

export interface EngineContainerSpec {
  Image?: string;
  Labels?: Record<string, string>;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Mounts?: { Type?: string; Source?: string; Target?: string; ReadOnly?: boolean; [k: string]: unknown }[];
  HealthCheck?: { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number };
  Secrets?: EngineFileRef[];
  Configs?: EngineFileRef[];
  [k: string]: unknown;
}

export interface EngineServiceSpec {
  Name: string;
  Labels?: Record<string, string>;
  TaskTemplate?: {
    ContainerSpec?: EngineContainerSpec;
    Resources?: { Limits?: EngineResources; Reservations?: EngineResources };
    RestartPolicy?: { Condition?: string; Delay?: number; MaxAttempts?: number; Window?: number };
    Placement?: {
      Constraints?: string[];
      Preferences?: { Spread?: { SpreadDescriptor?: string } }[];
      MaxReplicas?: number;
      [k: string]: unknown;
    };
    Networks?: { Target: string; Aliases?: string[]; [k: string]: unknown }[];
    ForceUpdate?: number;
    [k: string]: unknown;
  };
  Mode?: {
    Replicated?: { Replicas?: number };
    Global?: Record<string, never>;
    ReplicatedJob?: unknown;
    GlobalJob?: unknown;
  };
  UpdateConfig?: EngineUpdateConfig;
  RollbackConfig?: EngineUpdateConfig;
  /** Deprecated place for networks (old engines). */
  Networks?: { Target: string; Aliases?: string[] }[];
  EndpointSpec?: { Mode?: string; Ports?: EnginePortConfig[] };
  [k: string]: unknown;
}

export interface EngineService {
  ID: string;
  Version?: EngineVersion;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec: EngineServiceSpec;
  PreviousSpec?: EngineServiceSpec;
  Endpoint?: { Ports?: EnginePortConfig[] };
  UpdateStatus?: { State?: string; StartedAt?: string; CompletedAt?: string; Message?: string };
  ServiceStatus?: { RunningTasks?: number; DesiredTasks?: number; CompletedTasks?: number };
}

export interface EngineTask {
  ID: string;
  Version?: EngineVersion;
  CreatedAt?: string;
  UpdatedAt?: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  Spec?: { ContainerSpec?: { Image?: string } };
  Status?: {
    Timestamp?: string;
    State?: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; PID?: number; ExitCode?: number };
  };
}

export interface EngineSwarm {
  ID?: string;
  Version?: EngineVersion;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: {
    Name?: string;
    Orchestration?: { TaskHistoryRetentionLimit?: number };
    Raft?: Record<string, unknown>;
    Dispatcher?: { HeartbeatPeriod?: number };
    CAConfig?: { NodeCertExpiry?: number; [k: string]: unknown };
    EncryptionConfig?: { AutoLockManagers?: boolean };
    [k: string]: unknown;
  };
  RootRotationInProgress?: boolean;
  DefaultAddrPool?: string[];
  DataPathPort?: number;
  JoinTokens?: { Worker?: string; Manager?: string };
}
