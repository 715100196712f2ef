import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: URL-safe, so it survives being pasted into a browser or a shell unquoted. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so the comparison length never depends on the
 * attacker's input (timingSafeEqual itself throws on unequal lengths, which would leak the token length).
 */
export function tokensEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface RateLimiterOptions {
  /** Distinct wrong tokens allowed per client in one window. */
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

interface Window {
  start: number;
  /** Hashes of the distinct wrong tokens seen in this window. */
  attempts: Set<string>;
}

/**
 * Counts failed credential guesses per client in fixed windows. Only distinct wrong values count: a request
 * with none is not a guess, and a page replaying one stale session (Berth restarted) is one mistake, not
 * twenty. The guard consults it only AFTER a credential failed: a valid credential always gets in, so every
 * local page sharing 127.0.0.1 cannot turn the limit into a lock-out switch. Guessing stays pointless anyway
 * (256-bit secrets); the limit only keeps a flood of guesses cheap to refuse.
 */
export class FailureRateLimiter {
  private readonly clients = new Map<string, Window>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  isBlocked(client: string): boolean {
    const w = this.current(client);
    return w !== undefined && w.attempts.size >= this.options.maxFailures;
  }

  recordFailure(client: string, presented: string): void {
    let w = this.current(client);
    if (!w) {
      this.prune();
      w = { start: this.now(), attempts: new Set() };
      this.clients.set(client, w);
    }
    if (w.attempts.size < this.options.maxFailures) {
      w.attempts.add(createHash('sha256').update(presented).digest('base64url'));
    }
  }

  /** Seconds until the client's window ends (for Retry-After). */
  retryAfterSeconds(client: string): number {
    const w = this.current(client);
    if (!w) return 0;
    return Math.max(1, Math.ceil((w.start + this.options.windowMs - this.now()) / 1000));
  }

  private current(client: string): Window | undefined {
    const w = this.clients.get(client);
    if (w && this.now() - w.start >= this.options.windowMs) {
      this.clients.delete(client);
      return undefined;
    }
    return w;
  }

  // Bounded memory even under a flood of distinct client addresses: expired windows go first.
  private prune(): void {
    if (this.clients.size < 1024) return;
    const now = this.now();
    for (const [client, w] of this.clients) {
      if (now - w.start >= this.options.windowMs) this.clients.delete(client);
    }
  }
}
