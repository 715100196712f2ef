import { ErrorCode, type ImageSignature, type RegistryManifest } from '../../contract';
import { BerthError } from '../../base/errors';

/** The layer media type of a cosign "simple signing" signature. */
export const COSIGN_SIGNATURE_LAYER = 'application/vnd.dev.cosign.simplesigning.v1+json';

/** Where cosign stores the signatures of `sha256:<hex>`: the tag `sha256-<hex>.sig` in the same repository. */
export const cosignTag = (digest: string): string => `${digest.replace(':', '-')}.sig`;

/**
 * Reads the answer of the registry for the signature tag: a manifest with cosign layers is `signed`; "no such
 * manifest" is the registry saying there is none; any other failure (login, network) leaves it `unknown`.
 */
export async function cosignSignature(
  digest: string,
  manifest: (reference: string) => Promise<RegistryManifest>,
): Promise<ImageSignature> {
  const tag = cosignTag(digest);
  const base = { digest, scheme: 'cosign' as const, tag };
  try {
    const m = await manifest(tag);
    const signatures = m.kind === 'image' ? m.layers.filter((l) => l.mediaType === COSIGN_SIGNATURE_LAYER).length : 0;
    if (signatures === 0)
      return { ...base, status: 'unknown', why: `The registry holds a ${tag} tag, but it is not a cosign signature.` };
    return {
      ...base,
      status: 'signed',
      signatures,
      why: `The registry holds ${signatures === 1 ? 'a cosign signature' : `${signatures} cosign signatures`} for this digest (${tag}). Berth shows that it exists; verify it with the signer's key (cosign verify).`,
    };
  } catch (err) {
    if (err instanceof BerthError && err.code === ErrorCode.NOT_FOUND)
      return { ...base, status: 'unsigned', why: `The registry has no cosign signature for this digest (no ${tag} tag).` };
    const message = err instanceof Error ? err.message : String(err);
    return { ...base, status: 'unknown', why: `Berth could not ask the registry for a signature: ${message}` };
  }
}
