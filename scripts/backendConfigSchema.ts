import { fileURLToPath } from 'node:url'
import { createGenerator } from 'ts-json-schema-generator'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Where the build writes the schema, and where a file in `examples/backends/` finds it. */
export const SCHEMA_FILE = 'backend-config.schema.json'

/**
 * The JSON Schema of a backend config file, generated from the `RestAdapterConfig` type, so the
 * options are written once: in TypeScript, with their JSDoc as descriptions. Unknown settings
 * are refused, as `restAdapter` refuses them.
 */
export function backendConfigSchema() {
  return createGenerator({
    path: `${root}src/server/backend/rest/RestAdapterOptions.ts`,
    tsconfig: `${root}tsconfig.json`,
    type: 'RestAdapterConfig',
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema('RestAdapterConfig')
}
