import { methods, type EngineCandidate } from '../../api/contract';

/** The engine picker's choice: a fixed option, a discovered endpoint, or a URL the user types. */
export type EngineChoice = { kind: 'auto' } | { kind: 'embedded' } | { kind: 'candidate'; endpoint: string } | { kind: 'custom'; url: string };

export function choiceFromPreferred(preferred: string, candidates: EngineCandidate[]): EngineChoice {
  if (preferred === 'auto') return { kind: 'auto' };
  if (preferred === 'embedded') return { kind: 'embedded' };
  if (candidates.some((c) => !c.embedded && c.endpoint === preferred)) return { kind: 'candidate', endpoint: preferred };
  return { kind: 'custom', url: preferred };
}

export function preferredFromChoice(choice: EngineChoice): string {
  switch (choice.kind) {
    case 'auto':
    case 'embedded':
      return choice.kind;
    case 'candidate':
      return choice.endpoint;
    case 'custom':
      return choice.url.trim();
  }
}

/** The contract's own validation of engine.preferred: null when valid, else the message to show. */
export function validatePreferred(preferred: string): string | null {
  const parsed = methods['settings.update'].input.safeParse({ engine: { preferred } });
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a valid engine URL');
}

/** Why the chosen engine is risky, or null: plain TCP exposes a root-equivalent API unencrypted. */
export function insecureReason(choice: EngineChoice, candidates: EngineCandidate[]): string | null {
  if (choice.kind === 'candidate' && candidates.find((c) => c.endpoint === choice.endpoint)?.insecure) {
    return 'This engine is reached over TCP without TLS. Anyone who can reach that port controls the machine as root, and traffic is not encrypted. Prefer TLS (tcp:// with certificates) or ssh://.';
  }
  if (choice.kind === 'custom' && /^tcp:\/\//i.test(choice.url.trim())) {
    return 'A tcp:// engine without TLS gives anyone who can reach the port root control of that machine, unencrypted. Use it only if the endpoint is protected by TLS, or prefer ssh://.';
  }
  return null;
}
