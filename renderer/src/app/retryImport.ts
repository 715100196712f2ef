/** How long to wait before each new attempt: the network change or server restart that broke a fetch settles. */
export const RETRY_DELAYS_MS = [300, 1000, 3000];

/**
 * A failed chunk fetch, as browsers word it: Chromium "Failed to fetch dynamically imported module", Firefox
 * "error loading dynamically imported module", Safari "Importing a module script failed". A page whose code
 * throws while it is evaluated is not retried: the same code would throw again.
 */
export const isChunkLoadError = (e: unknown): boolean =>
  e instanceof TypeError && /dynamically imported module|module script failed/i.test(e.message);

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Loads a lazy page's code, trying again when the fetch failed: Chromium aborts requests in flight when the
 * host's network changes (`net::ERR_NETWORK_CHANGED`, e.g. when `docker network create` adds a bridge), and a web
 * mode server may be restarting. Browsers no longer keep a failed module fetch in the module map (whatwg/html
 * #10327; checked in Chromium 156: the second `import()` of a URL that answered 503 fetched it again), so a new
 * `import()` fetches it again. After the last attempt the error is the one the user sees, with a way out.
 */
export async function retryImport<T>(load: () => Promise<T>, delays: readonly number[] = RETRY_DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (e) {
      const delay = delays[attempt];
      if (!isChunkLoadError(e)) throw e;
      if (delay === undefined) {
        throw new Error(
          `Berth could not load this page's code: ${(e as Error).message}. The connection to Berth may have dropped; reload Berth to try again.`,
          { cause: e },
        );
      }
      await wait(delay);
    }
  }
}
