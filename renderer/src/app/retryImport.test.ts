import { isChunkLoadError, retryImport } from './retryImport';

const chunkError = () => new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/X.js');

describe('retryImport', () => {
  it('tries a failed chunk fetch again and returns the page once it loads', async () => {
    let calls = 0;
    const load = () => (++calls < 3 ? Promise.reject(chunkError()) : Promise.resolve('page'));
    await expect(retryImport(load, [1, 1, 1])).resolves.toBe('page');
    expect(calls).toBe(3);
  });

  it('gives up after the last delay with a message that says what to do', async () => {
    let calls = 0;
    const load = () => {
      calls++;
      return Promise.reject(chunkError());
    };
    await expect(retryImport(load, [1, 1])).rejects.toThrow(/could not load this page's code.*reload Berth/);
    expect(calls).toBe(3);
  });

  it('does not retry a page whose code throws', async () => {
    let calls = 0;
    const load = () => {
      calls++;
      return Promise.reject(new ReferenceError('x is not defined'));
    };
    await expect(retryImport(load, [1, 1])).rejects.toThrow('x is not defined');
    expect(calls).toBe(1);
  });

  it('knows the chunk fetch errors of Chromium, Firefox and Safari', () => {
    expect(isChunkLoadError(chunkError())).toBe(true);
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: /a.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Cannot read properties of undefined'))).toBe(false);
  });
});
