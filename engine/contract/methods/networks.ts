// Methods of the networks domain (see methods/containers.ts for the shape). Merged into the contract by methods/index.ts.
export const networksMethods = {} as const;
