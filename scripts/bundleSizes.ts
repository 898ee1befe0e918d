import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
/** The app provides these: they are never part of gatehouse's cost. */
const appPeers = ['react', 'react-dom', 'next']

export interface SizeBudget {
  label: string
  /** Entry points bundled whole, as `export * from` them. */
  imports: string[]
  /** Single exports bundled besides, as an app that imports one component does: `{ 'gatehouse/ui': ['SignInForm'] }`. */
  picks?: Record<string, string[]>
  external: string[]
  /** The ceiling; without one the row is measured and printed only. */
  budgetKb?: number
}

/**
 * What each import costs a browser bundle, in kB (1000 bytes) minified and gzipped; a budget is a
 * ceiling. The budgets are the account lifecycle's: a page that signs in (core, react and the
 * sign-in form, its second factor included) and the whole kit. They replace the session
 * machine's 16 kB for core, 18 kB for core + react, 22 kB for the whole kit and 6.5 kB for its own
 * code, which a second factor inside the machine and the lifecycle's error sentences pass; core and
 * core + react are still measured here, bounded by the sign-in form's row. The account flows are an
 * entry point of their own, so the sign-in bundle carries none of them; the second step is the
 * sign-in form's slot, measured beside it.
 */
export const sizeBudgets: SizeBudget[] = [
  { label: 'core, xstate included', imports: ['gatehouse'], external: appPeers },
  { label: 'core + react', imports: ['gatehouse', 'gatehouse/react'], external: appPeers },
  {
    label: 'core + react + the sign-in form',
    imports: ['gatehouse', 'gatehouse/react'],
    picks: { 'gatehouse/ui': ['SignInForm'] },
    external: appPeers,
    budgetKb: 20,
  },
  {
    label: 'core + react + the sign-in form with its second step',
    imports: ['gatehouse', 'gatehouse/react'],
    picks: { 'gatehouse/ui': ['SignInForm', 'SecondFactorForm'] },
    external: appPeers,
  },
  {
    label: 'core + react + every ui component',
    imports: ['gatehouse', 'gatehouse/react', 'gatehouse/ui'],
    external: appPeers,
    budgetKb: 30,
  },
  {
    label: 'the account flows (gatehouse/account), core included',
    imports: ['gatehouse', 'gatehouse/account'],
    external: appPeers,
    budgetKb: 18,
  },
]

/**
 * Bundles everything the given entry points export, as an app's bundler would from the built
 * package (`gatehouse` resolves to this workspace's dist/), minifies it and gzips it (level 9).
 */
async function measureGzipBytes({ imports, picks = {}, external }: SizeBudget): Promise<number> {
  const contents = [
    ...imports.map((specifier) => `export * from '${specifier}'`),
    ...Object.entries(picks).map(([specifier, names]) => `export { ${names.join(', ')} } from '${specifier}'`),
  ].join('\n')
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    // Not the tsconfig's `paths`, which send `gatehouse` to src/ for the type checker: the built package is measured.
    tsconfigRaw: {},
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    // A Next.js build ships no license comments (its chunks carry none of React's); esbuild would
    // append use-sync-external-store's to the bundle, 0.2 kB gzipped of text no browser runs.
    legalComments: 'none',
    external,
    write: false,
    logLevel: 'silent',
  })
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length
}

export async function measureSizes() {
  return Promise.all(sizeBudgets.map(async (budget) => ({ ...budget, gzipBytes: await measureGzipBytes(budget) })))
}
