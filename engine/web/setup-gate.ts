import { generateToken, tokensEqual } from './auth';

/**
 * The first-run setup of accounts mode: open only while there is no account. Its one-time token is printed on
 * the console (never stored); the first request with it claims the gate synchronously, so a concurrent second
 * request finds it taken, and the gate closes for good once an admin exists. No default password ever exists.
 */
export class SetupGate {
  private state: 'open' | 'claimed' | 'closed';
  /** The token to print; undefined when no setup is needed. */
  readonly token: string | undefined;

  constructor(needed: boolean) {
    this.state = needed ? 'open' : 'closed';
    this.token = needed ? generateToken() : undefined;
  }

  isOpen(): boolean {
    return this.state === 'open';
  }

  /** Takes the gate if `token` is right and nobody holds it; undefined otherwise. */
  claim(token: string): { close(): void; release(): void } | undefined {
    if (this.state !== 'open' || this.token === undefined || !tokensEqual(token, this.token))
      return undefined;
    this.state = 'claimed';
    return {
      close: () => void (this.state = 'closed'),
      release: () => void (this.state === 'claimed' && (this.state = 'open')),
    };
  }
}
