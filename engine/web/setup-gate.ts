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

  /**
   * `stillNeeded` is asked on every check: an account made another way (the launch token's holder creating one
   * through `accounts.create`) closes the gate too, so the browser stops offering setup.
   */
  constructor(
    needed: boolean,
    private readonly stillNeeded: () => boolean = () => true,
  ) {
    this.state = needed ? 'open' : 'closed';
    this.token = needed ? generateToken() : undefined;
  }

  isOpen(): boolean {
    if (this.state === 'open' && !this.stillNeeded()) this.state = 'closed';
    return this.state === 'open';
  }

  /** Takes the gate if `token` is right and nobody holds it; undefined otherwise. */
  claim(token: string): { close(): void; release(): void } | undefined {
    if (!this.isOpen() || this.token === undefined || !tokensEqual(token, this.token))
      return undefined;
    this.state = 'claimed';
    return {
      close: () => void (this.state = 'closed'),
      release: () => void (this.state === 'claimed' && (this.state = 'open')),
    };
  }
}
