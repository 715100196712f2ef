import { describe, expect, it } from 'vitest';
import { SetupGate } from './setup-gate';

describe('SetupGate', () => {
  it('is closed with no token when an account exists', () => {
    const gate = new SetupGate(false);
    expect(gate.isOpen()).toBe(false);
    expect(gate.token).toBeUndefined();
    expect(gate.claim('')).toBeUndefined();
  });

  it('is claimed once with the right token; a second claim fails; a failed setup releases it; done closes it', () => {
    const gate = new SetupGate(true);
    const token = gate.token ?? '';
    expect(gate.claim('wrong')).toBeUndefined();
    const first = gate.claim(token);
    expect(first).toBeDefined();
    expect(gate.claim(token)).toBeUndefined();
    first?.release();
    expect(gate.isOpen()).toBe(true);
    gate.claim(token)?.close();
    expect(gate.isOpen()).toBe(false);
    expect(gate.claim(token)).toBeUndefined();
  });

  it('closes for good once an account exists, however it was made', () => {
    let accounts = 0;
    const gate = new SetupGate(true, () => accounts === 0);
    expect(gate.isOpen()).toBe(true);
    accounts = 1;
    expect(gate.isOpen()).toBe(false);
    expect(gate.claim(gate.token ?? '')).toBeUndefined();
    accounts = 0;
    expect(gate.isOpen()).toBe(false);
  });
});
