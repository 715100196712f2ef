import { auditConfig, auditInputFromSpec, type ContainerAudit, type ContainerSpecInput } from '../../../api/contract';

/** A ContainerAudit whose findings come from the real rules run on a create spec (so tests stay in step with them). */
export function auditOf(name: string, spec: Partial<ContainerSpecInput>, extra: Partial<ContainerAudit> = {}): ContainerAudit {
  return {
    id: `${name}-id`,
    name,
    image: 'busybox',
    state: 'running',
    findings: auditConfig({ ...auditInputFromSpec(spec), user: '', healthcheck: 'none', securityOpt: [] }),
    ...extra,
  };
}
