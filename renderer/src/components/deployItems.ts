import { useMemo } from 'react';
import { parse } from 'yaml';
import { auditInputFromCompose, type AuditInput } from '../api/contract';

/** A service about to be deployed (a `DeployItem` of components/access.ts, with the whole audit input). */
export interface ServiceItem {
  what: string;
  input: AuditInput;
}

/**
 * A compose file's services as the security lens reads them (what `useHostPowerDenials` checks before a deploy:
 * the app builder's file, a template's resolved preview), by name; only `only` when given. Empty while the YAML
 * does not parse (the caller shows that error).
 */
export function deployItemsOf(text: string, only?: string): ServiceItem[] {
  try {
    const file = parse(text) as { services?: Record<string, unknown> } | null;
    const services = Object.entries(file?.services ?? {}).filter(([name, s]) => s && (only === undefined || name === only));
    return services.map(([name, service]) => ({ what: `Service ${name}`, input: auditInputFromCompose(service) }));
  } catch {
    return [];
  }
}

export const useDeployItems = (text: string, only?: string): ServiceItem[] => useMemo(() => deployItemsOf(text, only), [text, only]);
