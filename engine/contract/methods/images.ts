// Methods of the images domain (see methods/containers.ts for the shape). Merged into the contract by methods/index.ts.
export const imagesMethods = {} as const;
