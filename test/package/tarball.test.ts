import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { publint } from 'publint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { distName, entryPoints, exportsMap, isStylesheet } from '../../tsdown.config'
import { listenDemoBackend } from '../listenDemoBackend'
import { installInto, packTarball } from '../scratchApp'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(import.meta.url)
/** What a user's app brings itself: the peers (xstate and @xstate/react among them, so it has one copy; redis for a fleet), and the compiler `next build` checks types with. */
const fromTheApp = [
  'react',
  'react-dom',
  'next',
  'msw',
  'xstate',
  '@xstate/react',
  'redis',
  'typescript',
  '@types/react',
  '@types/react-dom',
  '@types/node',
]
const scripts = Object.keys(entryPoints).filter((subpath) => !isStylesheet(entryPoints[subpath]!))
const specifier = (subpath: string) => (subpath === '.' ? 'gatehouse' : `gatehouse/${subpath.slice(2)}`)

let scratch: string
let tarball: string

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
  scratch = await mkdtemp(join(tmpdir(), 'gatehouse-tarball-'))
  // Scripts skipped: the tarball holds dist/ as built, and building again here would race other test layers.
  tarball = await packTarball(scratch)
  const app = join(scratch, 'app')
  await mkdir(join(app, 'app'), { recursive: true })
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }))
  await installInto(app, tarball, fromTheApp)
}, 120_000)

afterAll(async () => {
  if (scratch && !process.env.KEEP_SCRATCH) await rm(scratch, { recursive: true, force: true })
})

describe('the packed tarball', () => {
  it('holds the built entry points, their declarations, stylesheets, package.json and the licence, and no sources or tests', async () => {
    const { stdout } = await run('tar', ['tzf', tarball])
    const files = stdout
      .trim()
      .split('\n')
      .map((file) => file.replace(/^package\//, ''))
    const built = Object.entries(entryPoints).flatMap(([subpath, source]) =>
      isStylesheet(source) ? [`dist/${distName(subpath)}`] : [`dist/${distName(subpath)}.js`, `dist/${distName(subpath)}.d.ts`],
    )
    expect(files).toEqual(expect.arrayContaining(built))
    expect(files).toContain('package.json')
    expect(files).toContain('LICENSE')
    // For editors to check backend config files against (see RestAdapterConfig).
    expect(files).toContain('dist/backend-config.schema.json')
    expect(files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file))).toEqual([])
  })

  it('has the exports map the build writes from the list of entry points, and marks only stylesheets as side effects', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
    expect(pkg.exports).toEqual(exportsMap())
    for (const subpath of scripts) expect(Object.keys(pkg.exports[subpath])).toEqual(['types', 'import', 'default'])
    // Bundlers may drop any module whose exports go unused, except a stylesheet imported for its effect.
    expect(pkg.sideEffects).toEqual(['*.css'])
  })

  it("keeps 'use client' at the top of the client entry points only", async () => {
    for (const subpath of scripts) {
      const code = await readFile(join(scratch, 'app/node_modules/gatehouse/dist', `${distName(subpath)}.js`), 'utf8')
      expect([subpath, code.startsWith('"use client";')]).toEqual([subpath, subpath === './react' || subpath === './ui'])
    }
  })

  it('passes publint', async () => {
    const { messages } = await publint({ pkgDir: join(scratch, 'app/node_modules/gatehouse'), pack: false, strict: true })
    expect(messages).toEqual([])
  })

  it('passes Are the Types Wrong for an ESM-only package', async () => {
    const attw = join(require.resolve('@arethetypeswrong/cli/package.json'), '../dist/index.js')
    // Stylesheets have no types to check.
    const stylesheets = Object.keys(entryPoints).filter((subpath) => isStylesheet(entryPoints[subpath]!))
    const result = await run(
      process.execPath,
      [attw, tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--exclude-entrypoints', ...stylesheets],
      { cwd: scratch },
    ).catch((error) => error)
    expect(result.code ?? 0, result.stdout).toBe(0)
  })

  it('has declarations that type-check with skipLibCheck off', async () => {
    const app = join(scratch, 'app')
    await mkdir(join(app, 'strict'), { recursive: true })
    // Next.js's own declarations do not pass with skipLibCheck off, so gatehouse/next cannot be checked this way.
    const checked = scripts.filter((subpath) => subpath !== './next')
    await writeFile(
      join(app, 'strict/check.ts'),
      checked.map((subpath, index) => `export * as entry${index} from '${specifier(subpath)}'`).join('\n'),
    )
    await writeFile(
      join(app, 'strict/tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          module: 'esnext',
          moduleResolution: 'bundler',
          target: 'es2022',
          lib: ['es2023', 'dom', 'dom.iterable'],
          jsx: 'react-jsx',
          types: [],
        },
        files: ['check.ts'],
      }),
    )
    const tsc = join(require.resolve('typescript/package.json'), '../bin/tsc')
    const result = await run(process.execPath, [tsc, '-p', 'strict'], { cwd: app }).catch((error) => error)
    expect(result.code ?? 0, result.stdout).toBe(0)
  })

  it('imports every entry point but gatehouse/next in Node', async () => {
    // gatehouse/next runs inside Next.js only: plain Node cannot resolve its `next/headers` (next has
    // no exports map). The Next.js build below imports it.
    const imports = scripts
      .filter((subpath) => subpath !== './next')
      .map((subpath) => `Object.keys(await import('${specifier(subpath)}')).length`)
      .join(', ')
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `console.log(JSON.stringify([${imports}]))`], {
      cwd: join(scratch, 'app'),
    })
    const exportCounts: number[] = JSON.parse(stdout)
    expect(exportCounts.every((count) => count > 0)).toBe(true)
    expect(exportCounts).toHaveLength(scripts.length - 1)
  })

  it('require()s every entry point but gatehouse/next in Node 20.19 and later, from CommonJS', async () => {
    const requires = scripts
      .filter((subpath) => subpath !== './next')
      .map((subpath) => `Object.keys(require('${specifier(subpath)}')).length`)
      .join(', ')
    const { stdout } = await run(process.execPath, ['--input-type=commonjs', '-e', `console.log(JSON.stringify([${requires}]))`], {
      cwd: join(scratch, 'app'),
    })
    const exportCounts: number[] = JSON.parse(stdout)
    expect(exportCounts.every((count) => count > 0)).toBe(true)
    expect(exportCounts).toHaveLength(scripts.length - 1)
  })

  it('asks for its peers by caret ranges, so a major version it was never tested with is not accepted', async () => {
    const { peerDependencies } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
    for (const [name, range] of Object.entries<string>(peerDependencies))
      expect([name, range]).toEqual([name, expect.stringMatching(/^\^\d+\.\d+\.\d+$/)])
  })

  it('installs the gatehouse command: a new secret, and an app wired up that type-checks against the package', async () => {
    const bin = join(scratch, 'app/node_modules/.bin/gatehouse')
    const { stdout: secret } = await run(bin, ['secret'])
    expect(secret.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const wired = join(scratch, 'app/wired')
    await mkdir(join(wired, 'app'), { recursive: true })
    await writeFile(join(wired, 'package.json'), JSON.stringify({ name: 'wired', private: true, dependencies: { next: '^16.0.0' } }))
    const { stdout } = await run(bin, ['init', '--backend', join(root, 'examples/backends/directus.json')], { cwd: wired })
    expect(stdout).toContain('  auth.ts\n')
    expect(stdout).toContain('AuthProvider')
    await writeFile(
      join(wired, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          module: 'esnext',
          moduleResolution: 'bundler',
          target: 'es2022',
          types: ['node'],
        },
        include: ['**/*.ts'],
      }),
    )
    const tsc = join(require.resolve('typescript/package.json'), '../bin/tsc')
    const checked = await run(process.execPath, [tsc, '-p', '.'], { cwd: wired }).catch((error) => error)
    expect(checked.code ?? 0, checked.stdout).toBe(0)
    // Run again, it writes nothing and says why.
    const again = await run(bin, ['init'], { cwd: wired }).catch((error) => error)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/overwrites nothing:\n {2}auth\.ts\n/)
  })

  it('checks a live backend from the command, with the test account from the environment only', async () => {
    const bin = join(scratch, 'app/node_modules/.bin/gatehouse')
    const demo = await listenDemoBackend({ accessTokenTtl: 600, refreshTokenTtl: 3_600 })
    try {
      const account = { ...process.env, GATEHOUSE_CHECK_IDENTIFIER: 'demo@example.com', GATEHOUSE_CHECK_PASSWORD: 'demo-password' }
      const { stdout } = await run(bin, ['check', '--url', demo.url, '--json'], { env: account })
      const report = JSON.parse(stdout)
      expect(report.ok).toBe(true)
      expect(report.steps.map((step: { step: string }) => step.step)).toEqual([
        'config',
        'sign-in',
        'profile',
        'refresh',
        'reuse',
        'sign-out',
      ])
      const wrongShape = await run(bin, ['check', '--url', demo.url, '--config', join(root, 'examples/backends/directus.json')], {
        env: account,
      }).catch((error) => error)
      expect(wrongShape.code).toBe(1)
      expect(wrongShape.stdout).toContain('change: tokens.accessToken (and tokens.envelope): nothing at "data.access_token"')
      const noAccount = await run(bin, ['check', '--url', demo.url]).catch((error) => error)
      expect(noAccount.code).toBe(2)
      expect(noAccount.stderr).toContain('set GATEHOUSE_CHECK_IDENTIFIER and GATEHOUSE_CHECK_PASSWORD')
    } finally {
      await demo.stop()
    }
  })

  it("builds into a Next.js app that imports every entry point, with no AUTH_SECRET (a build has none of the runtime's secrets)", async () => {
    const app = join(scratch, 'app')
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['dom', 'dom.iterable', 'esnext'],
          strict: true,
          noEmit: true,
          module: 'esnext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          isolatedModules: true,
          skipLibCheck: true,
          plugins: [{ name: 'next' }],
        },
        include: ['**/*.ts', '**/*.tsx'],
        exclude: ['node_modules'],
      }),
    )
    // The peers are links into the workspace: Turbopack must be allowed to read past this folder.
    await writeFile(join(app, 'next.config.ts'), `export default { turbopack: { root: '/' }, outputFileTracingRoot: '/' }\n`)
    await writeFile(
      join(app, 'auth.ts'),
      [
        `import { createNextGatehouse } from 'gatehouse/next'`,
        `import { createGatehouse, restAdapter } from 'gatehouse/server'`,
        `export const gatehouse = createGatehouse({ backend: restAdapter({ baseUrl: 'http://127.0.0.1:1' }) })`,
        `export const { handlers, getSession } = createNextGatehouse(gatehouse, { protectedPaths: ['/'] })`,
      ].join('\n'),
    )
    await mkdir(join(app, 'app/api/auth/[...gatehouse]'), { recursive: true })
    await writeFile(
      join(app, 'app/api/auth/[...gatehouse]/route.ts'),
      `import { handlers } from '../../../../auth'\nexport const { GET, POST } = handlers\n`,
    )
    await writeFile(
      join(app, 'app/Account.tsx'),
      [
        `'use client'`,
        `import { selectAuth } from 'gatehouse'`,
        `import { useAuth } from 'gatehouse/react'`,
        `import { SignInForm } from 'gatehouse/ui'`,
        `export function Account() {`,
        `  const { status } = useAuth()`,
        `  return <>{typeof selectAuth}{status === 'signedIn' ? null : <SignInForm redirectTo="/" />}</>`,
        `}`,
      ].join('\n'),
    )
    await writeFile(
      join(app, 'app/layout.tsx'),
      [
        `import { AuthProvider } from 'gatehouse/react'`,
        `import { getSession } from '../auth'`,
        `import { Account } from './Account'`,
        `export default async function RootLayout({ children }: { children: React.ReactNode }) {`,
        `  return <html lang="en"><body><AuthProvider session={await getSession()}><Account />{children}</AuthProvider></body></html>`,
        `}`,
      ].join('\n'),
    )
    await writeFile(
      join(app, 'app/page.tsx'),
      `export const dynamic = 'force-dynamic'\nexport default function Page() { return <p>scratch</p> }\n`,
    )
    const nextBin = join(root, 'node_modules/next/dist/bin/next')
    const { AUTH_SECRET: _secret, ...env } = process.env
    const build = await run(process.execPath, [nextBin, 'build'], {
      cwd: app,
      env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    }).catch((error) => error)
    expect(existsSync(join(app, '.next/BUILD_ID')), `${build.stdout}\n${build.stderr}`).toBe(true)
  }, 240_000)
})
