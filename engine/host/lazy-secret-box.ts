import type { SecretBox } from '../base/secrets';

/**
 * Makes the box on first use, so commands that never touch a password (`berth compose ps`) create no key file.
 */
export function lazySecretBox(make: () => SecretBox): SecretBox {
  let box: SecretBox | undefined;
  const get = () => (box ??= make());
  return {
    get protection() {
      return get().protection;
    },
    seal: (plain) => get().seal(plain),
    open: (sealed) => get().open(sealed),
  };
}
