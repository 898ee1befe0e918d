import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { RestAdapterConfig } from '../server/backend/rest/RestAdapterOptions'
import { appFiles } from './appFiles'
import { newSecret } from './newSecret'

/** Why `gatehouse init` wrote nothing: a sentence for the person, and the exit status. */
export class InitRefused extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message)
  }
}

export interface InitOptions {
  /** The Next.js app's root. */
  dir: string
  /** A JSON file with the backend's shape, e.g. one from `examples/backends/`. */
  backendFile?: string
  /** Default `http://127.0.0.1:4000`, the demo backend's address. */
  backendUrl?: string
}

const readShape = (file: string): RestAdapterConfig => {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new InitRefused(`--backend ${file} is not a readable JSON file (${(error as Error).message}).`, 2)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new InitRefused(`--backend ${file} must hold a JSON object of restAdapter options.`, 2)
  return parsed as RestAdapterConfig
}

const namesNext = (dir: string) => {
  try {
    const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    return 'next' in dependencies || 'next' in devDependencies
  } catch {
    return false
  }
}

/**
 * Wires gatehouse into the Next.js app at `dir`: writes `auth.ts`, the two route files,
 * `proxy.ts` and `.env.local` (with a fresh secret), in `src/` when the app keeps its code there.
 * Writes nothing, and says which, if any of them exists already; throws `InitRefused` then, or
 * when `dir` holds no Next.js app or the backend file is not JSON.
 *
 * @example
 * initApp({ dir: process.cwd(), backendFile: 'examples/backends/simplejwt.json' }) // ['auth.ts', …]
 */
export function initApp({ dir, backendFile, backendUrl = 'http://127.0.0.1:4000' }: InitOptions): string[] {
  if (!namesNext(dir)) throw new InitRefused(`${dir} is not a Next.js app: its package.json does not name next.`, 2)
  if (!URL.canParse(backendUrl)) throw new InitRefused(`--url ${backendUrl} is not an absolute URL.`, 2)
  const shape = backendFile ? readShape(backendFile) : {}
  const sourceDir = existsSync(join(dir, 'src/app')) ? 'src' : ''
  const files = appFiles({ sourceDir, shape, backendUrl, secret: newSecret() })
  const existing = Object.keys(files).filter((path) => existsSync(join(dir, path)))
  if (existing.length > 0)
    throw new InitRefused(
      `Nothing written: these files exist already, and gatehouse init overwrites nothing:\n${existing.map((path) => `  ${path}`).join('\n')}`,
      1,
    )
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return Object.keys(files)
}
