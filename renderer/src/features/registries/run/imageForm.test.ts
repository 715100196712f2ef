import { describe, expect, it } from 'vitest';
import { validateForm } from '../../containers/run/specForm';
import { formForImage, runDefaultsOf } from './imageForm';

// The Config part of a real `docker image inspect` answer (an nginx-like image built FROM busybox).
const inspect = {
  Id: 'sha256:0f1e',
  Config: {
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'APP_MODE=demo', 'EMPTY=', 'BARE'],
    ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
    Volumes: { '/data': {} },
    Cmd: ['httpd', '-f', '-p', '8080'],
  },
};

describe('run defaults of an image', () => {
  it('reads ports, env and volumes from the inspect answer', () => {
    expect(runDefaultsOf(inspect)).toEqual({
      exposedPorts: ['8080/tcp', '53/udp'],
      env: inspect.Config.Env,
      volumes: ['/data'],
    });
  });

  it('gives empty defaults for an image that declares nothing, or a malformed answer', () => {
    expect(runDefaultsOf({ Config: { Env: null, ExposedPorts: null, Volumes: null } })).toEqual({ exposedPorts: [], env: [], volumes: [] });
    expect(runDefaultsOf('nonsense')).toEqual({ exposedPorts: [], env: [], volumes: [] });
    expect(runDefaultsOf({ Config: { Env: [1, 'A=b'], ExposedPorts: ['80'] } })).toEqual({ exposedPorts: [], env: ['A=b'], volumes: [] });
  });

  it('prefills the run form: ports on an engine-chosen host port, env without PATH, anonymous volumes', () => {
    const form = formForImage('127.0.0.1:5000/team/web:1', runDefaultsOf(inspect));
    expect(form.image).toBe('127.0.0.1:5000/team/web:1');
    expect(form.ports).toEqual([
      { hostIp: '', hostPort: '', containerPort: '8080', protocol: 'tcp' },
      { hostIp: '', hostPort: '', containerPort: '53', protocol: 'udp' },
    ]);
    expect(form.env).toEqual([
      { key: 'APP_MODE', value: 'demo' },
      { key: 'EMPTY', value: '' },
      { key: 'BARE', value: '' },
    ]);
    expect(form.volumes).toEqual([{ type: 'volume', source: '', target: '/data', readOnly: false }]);
    // The prefilled form is one the contract accepts as it is.
    const checked = validateForm(form);
    expect(checked.errors).toEqual({});
    expect(checked.spec?.ports).toEqual([
      { containerPort: 8080, protocol: 'tcp' },
      { containerPort: 53, protocol: 'udp' },
    ]);
  });

  it('skips a port or volume it cannot use rather than prefilling a broken row', () => {
    const form = formForImage('x', { exposedPorts: ['http', '80-90/tcp'], env: ['=novalue'], volumes: ['relative'] });
    expect(form.ports).toEqual([]);
    expect(form.env).toEqual([]);
    expect(form.volumes).toEqual([]);
  });
});
