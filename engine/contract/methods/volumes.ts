// Methods of the volumes domain (see methods/containers.ts for the shape). Merged into the contract by methods/index.ts.
export const volumesMethods = {} as const;
