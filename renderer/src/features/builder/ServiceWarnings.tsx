import { useMemo } from 'react';
import { parse } from 'yaml';
import { auditInputFromCompose } from '../../api/contract';
import { SettingWarnings } from '../security/SettingWarnings';
import { useBuilder } from './builderStore';

/** The security lens's warnings for one service of the file, as written (also what only the YAML view can set). */
export function ServiceWarnings({ name }: { name: string }) {
  const text = useBuilder((s) => s.text);
  const input = useMemo(() => {
    try {
      const file = parse(text) as { services?: Record<string, unknown> } | null;
      const service = file?.services?.[name];
      return service ? auditInputFromCompose(service) : undefined;
    } catch {
      return undefined; // the YAML view shows the syntax error
    }
  }, [text, name]);
  return input ? <SettingWarnings input={input} what={`service ${name}`} /> : null;
}
