/// <reference types="vite/client" />
// The official compose-spec JSON schema vendored by the compose loader (engine/services/compose/schema). The
// renderer may import only engine/contract, so vite.config.ts maps this name to that file at build time.
declare module '@berth/compose-spec-schema' {
  const schema: Record<string, unknown>;
  export default schema;
}
