// Methods of the compose domain (see methods/containers.ts for the shape). Merged into the contract by methods/index.ts.
export const composeMethods = {} as const;
