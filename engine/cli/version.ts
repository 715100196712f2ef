import pkg from '../../package.json' with { type: 'json' };

/** Berth's version, inlined from package.json at build time. */
export const BERTH_VERSION: string = pkg.version;
