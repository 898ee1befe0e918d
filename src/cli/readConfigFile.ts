import { readFileSync } from 'node:fs'
import type { RestAdapterConfig } from '../server/backend/rest/RestAdapterOptions'
import { CommandRefused } from './CommandRefused'

/**
 * A backend config file (`examples/backends/*.json` and the like), or a refusal naming the flag
 * that gave it and why it cannot be read.
 *
 * @example
 * readConfigFile('examples/backends/simplejwt.json', '--config') // { signIn: { identifier: 'username', … }, … }
 */
export function readConfigFile(file: string, flag: string): RestAdapterConfig {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new CommandRefused(`${flag} ${file} is not a readable JSON file (${(error as Error).message}).`, 2)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CommandRefused(`${flag} ${file} must hold a JSON object of restAdapter options.`, 2)
  return parsed as RestAdapterConfig
}
