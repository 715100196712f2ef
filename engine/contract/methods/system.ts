// Methods of the system domain (see methods/containers.ts for the shape). Merged into the contract by methods/index.ts.
export const systemMethods = {} as const;
