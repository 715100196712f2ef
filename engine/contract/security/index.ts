export * from './types';
export { addedCapabilities, sensitiveMounts } from './rules-host';
export { canRecreate, runsAsRoot } from './rules-runtime';
export { auditConfig, ruleById, securityRules, summarizeAudits, worstSeverity } from './audit';
export { auditInputFromInspect, type InspectLike } from './from-inspect';
export { auditInputFromSpec } from './from-spec';
export { auditInputFromCompose, composePort } from './from-compose';
export { remedyChanges } from './remedy';
export { hostPowerOf, type HostPowerInput } from './host-power';
