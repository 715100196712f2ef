/**
 * Whether a registry holds a signature for an image digest. Only what the registry says: `signed` when a cosign
 * signature manifest exists (`sha256-<hex>.sig`), `unsigned` when the registry answers that there is none,
 * `unknown` when it could not be asked. A signature found is not a signature verified: Berth has no key to check it.
 */
export interface ImageSignature {
  digest: string;
  status: 'signed' | 'unsigned' | 'unknown';
  /** The signing scheme that was looked for or found. */
  scheme: 'cosign';
  /** The tag the signature is stored under, e.g. "sha256-3f2a….sig". */
  tag: string;
  /** How many signatures that manifest carries (one layer each). */
  signatures?: number;
  /** What Berth found, in a sentence. */
  why: string;
}
