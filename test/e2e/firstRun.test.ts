import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listenDemoBackend } from '../listenDemoBackend'
import { README } from '../readme'
import { installInto, packTarball } from '../scratchApp'
import { serveBuiltApp } from './appProcess'
import { openBrowser } from './browser'
import { signInThroughForm } from './signInThroughForm'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
/** What the app brings itself (create-next-app's dependencies and the peers), from this workspace. */
const appDependencies = [
  'react',
  'react-dom',
  'next',
  'xstate',
  '@xstate/react',
  'typescript',
  '@types/react',
  '@types/react-dom',
  '@types/node',
]
const browser = openBrowser()

/** The README's code block for `path`: the one whose first line is `// <path>`, as a reader copies it. */
function readmeFile(path: string): string {
  const block = [...README.matchAll(/```tsx?\n([\s\S]*?)```/g)].map(([, code]) => code!).find((code) => code.startsWith(`// ${path}`))
  if (!block) throw new Error(`README.md shows no block for ${path}`)
  return block
}

/** An empty Next.js app, as `create-next-app` leaves one (App Router, TypeScript, no src/). */
async function emptyNextApp(app: string) {
  await mkdir(join(app, 'app'), { recursive: true })
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'my-app', private: true, scripts: { build: 'next build', start: 'next start' } }),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2017',
        lib: ['dom', 'dom.iterable', 'esnext'],
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        resolveJsonModule: true,
        isolatedModules: true,
        jsx: 'react-jsx',
        skipLibCheck: true,
        plugins: [{ name: 'next' }],
      },
      include: ['next-env.d.ts', '**/*.ts', '**/*.tsx'],
      exclude: ['node_modules'],
    }),
    // The dependencies are links into this workspace: Turbopack must be allowed to read past this folder.
    'next.config.ts': `export default { turbopack: { root: '/' }, outputFileTracingRoot: '/' }\n`,
    'app/layout.tsx': `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
`,
    'app/page.tsx': `export default function Home() {\n  return <main>My app</main>\n}\n`,
  }
  for (const [path, content] of Object.entries(files)) await writeFile(join(app, path), content)
}

describe('from an empty Next.js app to a signed-in page, following the README', () => {
  let scratch: string
  let tarball: string
  let backend: Awaited<ReturnType<typeof listenDemoBackend>>
  let app: Awaited<ReturnType<typeof serveBuiltApp>> | undefined

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'gatehouse-first-run-'))
    // The e2e setup built dist/ moments ago.
    tarball = await packTarball(scratch)
    backend = await listenDemoBackend({ accessTokenTtl: 300, refreshTokenTtl: 3_600 })
  }, 60_000)
  afterAll(async () => {
    await app?.stop()
    await backend?.stop()
    if (scratch && !process.env.KEEP_SCRATCH) await rm(scratch, { recursive: true, force: true })
  })

  it('installs, runs init and check, adds the layout and the two pages, builds, and signs in', async () => {
    const dir = join(scratch, 'my-app')
    await emptyNextApp(dir)
    // npm install gatehouse
    await installInto(dir, tarball, appDependencies)
    // What create-next-app's package.json names, named only now so that npm fetched none of it: they are the links above.
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
    const version = (name: string) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version
    manifest.dependencies = { ...manifest.dependencies, next: version('next'), react: version('react'), 'react-dom': version('react-dom') }
    await writeFile(join(dir, 'package.json'), JSON.stringify(manifest, null, 2))
    const gatehouse = join(dir, 'node_modules/.bin/gatehouse')

    // npx gatehouse init --url <backend>
    const init = await run(gatehouse, ['init', '--url', backend.url], { cwd: dir })
    expect(init.stdout).toContain('Next steps')
    expect(await readFile(join(dir, '.env.local'), 'utf8')).toContain(`AUTH_BACKEND_URL=${backend.url}`)

    // GATEHOUSE_CHECK_IDENTIFIER=… GATEHOUSE_CHECK_PASSWORD=… npx gatehouse check --url <backend>
    const account = { ...process.env, GATEHOUSE_CHECK_IDENTIFIER: 'demo@example.com', GATEHOUSE_CHECK_PASSWORD: 'demo-password' }
    const check = await run(gatehouse, ['check', '--url', backend.url], { cwd: dir, env: account }).catch((error) => error)
    expect(check.code ?? 0, check.stdout).toBe(0)

    // The layout, the sign-in page and a protected page, as the README shows them.
    for (const path of ['app/layout.tsx', 'app/sign-in/page.tsx', 'app/dashboard/page.tsx']) {
      await mkdir(dirname(join(dir, path)), { recursive: true })
      await writeFile(join(dir, path), readmeFile(path))
    }

    // next build && next start, with what init wrote to .env.local and nothing else.
    const nextBin = join(root, 'node_modules/next/dist/bin/next')
    const { AUTH_SECRET: _secret, AUTH_BACKEND_URL: _url, ...env } = process.env
    const build = await run(process.execPath, [nextBin, 'build'], {
      cwd: dir,
      env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    }).catch((error) => error)
    expect(build.code ?? 0, `${build.stdout}\n${build.stderr}`).toBe(0)
    app = await serveBuiltApp(backend.url, { appDir: dir, env: { AUTH_SECRET: undefined, AUTH_BACKEND_URL: undefined } })

    const page = await browser.newPage({ baseURL: app.baseURL })
    await page.goto('/dashboard')
    await page.waitForURL(/\/sign-in\?next=%2Fdashboard$/)
    await signInThroughForm(page, 'demo@example.com', 'demo-password')
    await page.waitForURL('**/dashboard')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hello Demo User')
    expect(backend.demo.stats.logins).toBeGreaterThan(0)
  }, 300_000)
})
