// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { auditInputFromCompose, auditInputFromSpec } from '../../api/contract';
import { SettingWarnings } from './SettingWarnings';

describe('SettingWarnings', () => {
  it('lists the risky settings of a run-dialog spec with their fixes, and the hardening left out in one line', () => {
    render(<SettingWarnings input={auditInputFromSpec({ image: 'busybox', privileged: true, volumes: [{ type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock' }] })} />);
    const note = screen.getByRole('note');
    expect(within(note).getByText('Risky settings for this container')).toBeInTheDocument();
    expect(within(note).getByText('Privileged container')).toBeInTheDocument();
    expect(within(note).getByText('Container engine socket mounted')).toBeInTheDocument();
    expect(note.textContent).toContain('Remove the socket mount.');
    expect(screen.getByText(/Hardening to consider: .*no memory limit/)).toBeInTheDocument();
  });

  it('warns (not errors) for medium settings of a compose service and says nothing for a hardened one', () => {
    const { rerender } = render(<SettingWarnings what="service web" input={auditInputFromCompose({ image: 'x', ports: ['8080:80'] })} />);
    expect(screen.getByRole('note')).toHaveClass('MuiAlert-colorWarning');
    expect(screen.getByText('Risky settings for service web')).toBeInTheDocument();
    rerender(
      <SettingWarnings
        input={auditInputFromCompose({ image: 'x', user: '1000', read_only: true, security_opt: ['no-new-privileges:true'], healthcheck: { test: ['CMD', 'true'] }, mem_limit: '64m', cpus: 0.5, pids_limit: 50, ports: ['127.0.0.1:8080:80'] })}
      />,
    );
    expect(screen.queryByLabelText('Security warnings')).not.toBeInTheDocument();
  });
});
