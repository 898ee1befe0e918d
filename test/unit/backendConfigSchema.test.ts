import { readdirSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { backendConfigSchema, SCHEMA_FILE } from '../../scripts/backendConfigSchema'
import { restAdapter } from '../../src/server/backend/rest/restAdapter'
import { repoFile } from '../readme'

const schema = backendConfigSchema()
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
const configs = readdirSync(new URL('../../examples/backends/', import.meta.url)).filter((file) => file.endsWith('.json'))

describe('the JSON Schema of backend config files, generated from RestAdapterConfig', () => {
  it.each(configs)('is named by examples/backends/%s, which it accepts, as restAdapter does', (file) => {
    const config = JSON.parse(repoFile(`examples/backends/${file}`))
    expect(config.$schema).toBe(`../../dist/${SCHEMA_FILE}`)
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true)
    expect(() => restAdapter({ ...config, baseUrl: 'http://backend.test' })).not.toThrow()
  })

  it('refuses what restAdapter refuses: a misspelt setting, a wrong type, a value outside its list', () => {
    expect(validate({ tokens: { acessToken: 'access' }, signIn: { identifier: 'phone' }, timeoutMs: '900', logon: {} })).toBe(false)
    const found = (validate.errors ?? []).map(({ instancePath, keyword, params }) => [instancePath, keyword, JSON.stringify(params)])
    expect(found).toEqual(
      expect.arrayContaining([
        ['', 'additionalProperties', '{"additionalProperty":"logon"}'],
        ['/timeoutMs', 'type', '{"type":"number"}'],
        ['/signIn/identifier', 'enum', expect.stringContaining('"email","username"')],
        ['/tokens', 'additionalProperties', '{"additionalProperty":"acessToken"}'],
      ]),
    )
  })

  it('carries the options’ documentation, for editors to show', () => {
    const definitions = (schema as { definitions: Record<string, { properties?: Record<string, { description?: string }> }> }).definitions
    expect(definitions.RestAdapterConfig?.properties?.timeoutMs?.description).toMatch(/^How long a request waits/)
    expect(definitions.SignOutOptions?.properties?.send?.description).toMatch(/both.*default/)
  })
})
