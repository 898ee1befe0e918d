import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { appFiles } from './appFiles'
import { CommandRefused } from './CommandRefused'
import { newSecret } from './newSecret'
import { readConfigFile } from './readConfigFile'

export interface InitOptions {
  /** The Next.js app's root. */
  dir: string
  /** A JSON file with the backend's shape, e.g. one from `examples/backends/`. */
  backendFile?: string
  /** Default `http://127.0.0.1:4000`, the demo backend's address. */
  backendUrl?: string
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
 * Writes nothing, and says which, if any of them exists already; throws `CommandRefused` then, or
 * when `dir` holds no Next.js app or the backend file is not JSON.
 *
 * @example
 * initApp({ dir: process.cwd(), backendFile: 'examples/backends/simplejwt.json' }) // ['auth.ts', …]
 */
export function initApp({ dir, backendFile, backendUrl = 'http://127.0.0.1:4000' }: InitOptions): string[] {
  if (!namesNext(dir)) throw new CommandRefused(`${dir} is not a Next.js app: its package.json does not name next.`, 2)
  if (!URL.canParse(backendUrl)) throw new CommandRefused(`--url ${backendUrl} is not an absolute URL.`, 2)
  const shape = backendFile ? readConfigFile(backendFile, '--backend') : {}
  const sourceDir = existsSync(join(dir, 'src/app')) ? 'src' : ''
  const files = appFiles({ sourceDir, shape, backendUrl, secret: newSecret() })
  const existing = Object.keys(files).filter((path) => existsSync(join(dir, path)))
  if (existing.length > 0)
    throw new CommandRefused(
      `Nothing written: these files exist already, and gatehouse init overwrites nothing:\n${existing.map((path) => `  ${path}`).join('\n')}`,
      1,
    )
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return Object.keys(files)
}
