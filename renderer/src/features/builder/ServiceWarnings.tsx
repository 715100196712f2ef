import { useHostPowerDenials } from '../../components/access';
import { HostPowerNotice } from '../../components/HostPowerNotice';
import { SettingWarnings } from '../security/SettingWarnings';
import { useBuilder } from './builderStore';
import { useDeployItems } from '../../components/deployItems';

/**
 * The security lens's warnings for one service of the file, as written (also what only the YAML view can set),
 * and, for a role below admin, what of it the server would refuse to deploy (host power).
 */
export function ServiceWarnings({ name }: { name: string }) {
  const text = useBuilder((s) => s.text);
  const items = useDeployItems(text, name);
  const denials = useHostPowerDenials(items);
  const input = items[0]?.input;
  if (!input) return null;
  return (
    <>
      <SettingWarnings input={input} what={`service ${name}`} />
      <HostPowerNotice denials={denials} />
    </>
  );
}
