import { useState } from 'react';
import { Box } from '@mui/material';
import type { ContainerAudit, Finding, Remedy } from '../../api/contract';
import { useMay } from '../../components/access';
import { FindingItem } from './FindingItem';
import { RemedyDialog } from './RemedyDialog';

/** A container's findings, each with its one-click fix where Berth can apply one. */
export function FindingList({
  audit,
  onRecreated,
}: {
  audit: ContainerAudit;
  onRecreated?: (newId: string) => void;
}) {
  const [fixing, setFixing] = useState<(Finding & { remedy: Remedy }) | null>(null);
  // A fix recreates the container: roles that may not recreate see the advice without the button.
  const mayFix = useMay('containers.recreate');
  return (
    <>
      <Box component="ul" aria-label={`Security findings of ${audit.name}`} sx={{ m: 0, p: 0 }}>
        {audit.findings.map((f) => (
          <FindingItem
            key={f.ruleId}
            finding={f}
            name={audit.name}
            {...(mayFix ? { onFix: (x: Finding) => x.remedy && setFixing({ ...x, remedy: x.remedy }) } : {})}
          />
        ))}
      </Box>
      {fixing && (
        <RemedyDialog
          audit={audit}
          finding={fixing}
          onClose={() => setFixing(null)}
          {...(onRecreated ? { onDone: onRecreated } : {})}
        />
      )}
    </>
  );
}
