import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CommandRefused } from '../../src/cli/CommandRefused'
import { initApp } from '../../src/cli/initApp'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** An empty Next.js app: a package.json naming next, and its app folder (in src/ if asked). */
function nextApp({ inSrc = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-init-'))
  made.push(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', dependencies: { next: '^16.0.0' } }))
  mkdirSync(join(dir, inSrc ? 'src/app' : 'app'), { recursive: true })
  return dir
}
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8')
const FILES = ['auth.ts', 'app/api/auth/[...gatehouse]/route.ts', 'app/api/backend/[...path]/route.ts', 'proxy.ts', '.env.local']

describe('gatehouse init', () => {
  it('writes auth.ts, the two route files, proxy.ts and .env.local with a fresh secret, for the demo backend by default', () => {
    const dir = nextApp()
    expect(initApp({ dir })).toEqual(FILES)
    expect(read(dir, '.env.local')).toMatch(/^AUTH_SECRET=[A-Za-z0-9_-]{43}$/m)
    expect(read(dir, '.env.local')).toMatch(/^AUTH_BACKEND_URL=http:\/\/127\.0\.0\.1:4000$/m)
    expect(read(dir, 'auth.ts')).toContain('const backendShape: RestAdapterConfig = {}')
    expect(read(dir, 'auth.ts')).toContain(`backendProxy: { allow: ["/auth/profile"] }`)
    expect(read(dir, 'app/api/auth/[...gatehouse]/route.ts')).toContain(`import { handlers } from '../../../../auth'`)
    expect(read(dir, 'proxy.ts')).toContain(`export { proxy } from './auth'`)
    // Two apps, two secrets.
    const other = nextApp()
    initApp({ dir: other })
    expect(read(other, '.env.local')).not.toBe(read(dir, '.env.local'))
  })

  it('takes the backend’s shape and address when given, and puts the code in src/ when the app keeps it there', () => {
    const dir = nextApp({ inSrc: true })
    const backendFile = join(dir, 'simplejwt.json')
    writeFileSync(backendFile, readFileSync(new URL('../../examples/backends/simplejwt.json', import.meta.url)))
    expect(initApp({ dir, backendFile, backendUrl: 'https://api.example.com' })).toEqual([
      'src/auth.ts',
      'src/app/api/auth/[...gatehouse]/route.ts',
      'src/app/api/backend/[...path]/route.ts',
      'src/proxy.ts',
      '.env.local',
    ])
    const auth = read(dir, 'src/auth.ts')
    expect(auth).toContain('"path": "/api/token/blacklist/"')
    expect(auth).not.toContain('$schema')
    expect(auth).toContain(`backendProxy: { allow: ["/api/users/me/"] }`)
    expect(read(dir, '.env.local')).toMatch(/^AUTH_BACKEND_URL=https:\/\/api\.example\.com$/m)
  })

  it('overwrites nothing: it lists every file that exists and writes none of the others', () => {
    const dir = nextApp()
    writeFileSync(join(dir, 'proxy.ts'), 'mine')
    writeFileSync(join(dir, '.env.local'), 'MINE=1')
    const refused = (() => {
      try {
        initApp({ dir })
      } catch (error) {
        return error
      }
    })()
    expect(refused).toBeInstanceOf(CommandRefused)
    expect(refused).toMatchObject({ exitCode: 1, message: expect.stringMatching(/exist already.*\n {2}proxy\.ts\n {2}\.env\.local$/s) })
    expect(read(dir, 'proxy.ts')).toBe('mine')
    expect(existsSync(join(dir, 'auth.ts'))).toBe(false)
  })

  it('refuses, with the reason, a folder that is no Next.js app, a backend file that is not JSON, and a backend URL that is none', () => {
    const bare = mkdtempSync(join(tmpdir(), 'gatehouse-init-'))
    made.push(bare)
    expect(() => initApp({ dir: bare })).toThrow(/is not a Next\.js app: its package\.json does not name next/)
    const dir = nextApp()
    writeFileSync(join(dir, 'shape.json'), '{ not json')
    expect(() => initApp({ dir, backendFile: join(dir, 'shape.json') })).toThrow(/shape\.json is not a readable JSON file/)
    expect(() => initApp({ dir, backendFile: join(dir, 'missing.json') })).toThrow(/missing\.json is not a readable JSON file/)
    expect(() => initApp({ dir, backendUrl: 'api.example.com' })).toThrow('--url api.example.com is not an absolute URL.')
    expect(existsSync(join(dir, 'auth.ts'))).toBe(false)
  })
})
