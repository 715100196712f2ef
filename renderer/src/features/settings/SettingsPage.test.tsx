// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ok, type EngineCandidate, type Settings } from '../../api/contract';
import { renderWithStore } from '../../testing/render';
import { SettingsPage } from './SettingsPage';

const candidates: EngineCandidate[] = [
  { id: 'sock', source: 'default-socket', label: 'Default socket', endpoint: 'unix:///var/run/docker.sock', embedded: false },
  { id: 'remote', source: 'docker-host', label: 'DOCKER_HOST', endpoint: 'tcp://10.0.0.5:2375', embedded: false, insecure: true },
  { id: 'emb', source: 'embedded', label: 'Embedded engine (rootless)', endpoint: 'unix:///run/berth/docker.sock', embedded: true },
];

function setup(initial: Settings = { engine: { preferred: 'auto' }, theme: 'system' }) {
  let saved = initial;
  return renderWithStore(<SettingsPage />, {
    'settings.get': () => ok(saved),
    'engine.candidates': () => ok(candidates),
    'settings.update': (change) => {
      saved = { engine: change.engine ?? saved.engine, theme: change.theme ?? saved.theme };
      return ok(saved);
    },
  });
}

describe('SettingsPage', () => {
  it('lists automatic, embedded, each discovered engine and a custom URL', async () => {
    setup();
    expect(await screen.findByRole('radio', { name: /Automatic \(recommended\)/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Embedded engine/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Default socket/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /DOCKER_HOST \(no TLS\)/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Custom URL/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save engine choice' })).toBeDisabled();
  });

  it('warns about TCP without TLS and saves the chosen endpoint', async () => {
    const { user, fake } = setup();
    await user.click(await screen.findByRole('radio', { name: /^DOCKER_HOST/ }));
    expect(screen.getByRole('alert')).toHaveTextContent(/without TLS/);
    await user.click(screen.getByRole('button', { name: 'Save engine choice' }));
    expect(fake.callsOf('settings.update')).toEqual([{ engine: { preferred: 'tcp://10.0.0.5:2375' } }]);
    expect(await screen.findByRole('radio', { name: /^DOCKER_HOST/ })).toBeChecked();
  });

  it('validates a custom URL like the contract does', async () => {
    const { user, fake } = setup();
    await user.click(await screen.findByRole('radio', { name: /Custom URL/ }));
    const field = screen.getByRole('textbox', { name: 'Engine URL' });
    await user.type(field, 'http://example');
    expect(screen.getByText(/Use 'auto', 'embedded' or an engine URL/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save engine choice' })).toBeDisabled();
    await user.clear(field);
    await user.type(field, 'ssh://me@build-box');
    await user.click(screen.getByRole('button', { name: 'Save engine choice' }));
    expect(fake.callsOf('settings.update')).toEqual([{ engine: { preferred: 'ssh://me@build-box' } }]);
  });

  it('saves the theme choice', async () => {
    const { user, fake } = setup();
    await user.click(await screen.findByRole('radio', { name: 'Dark' }));
    expect(fake.callsOf('settings.update')).toEqual([{ theme: 'dark' }]);
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
  });
});
