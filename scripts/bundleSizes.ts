import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
/** The app provides these: they are never part of gatehouse's cost. */
const appPeers = ['react', 'react-dom', 'next']
/** The machine's libraries: peers of gatehouse, so an app has one copy, but not gatehouse's own code. */
const machineLibraries = ['xstate', '@xstate/react']

export interface SizeBudget {
  label: string
  imports: string[]
  external: string[]
  budgetKb: number
}

/** The budgets, in kB (1000 bytes) minified and gzipped. A budget is a ceiling. */
export const sizeBudgets: SizeBudget[] = [
  { label: 'core, xstate included', imports: ['gatehouse'], external: appPeers, budgetKb: 16 },
  { label: 'core + react', imports: ['gatehouse', 'gatehouse/react'], external: appPeers, budgetKb: 18 },
  {
    label: 'core + react + every ui component',
    imports: ['gatehouse', 'gatehouse/react', 'gatehouse/ui'],
    external: appPeers,
    budgetKb: 22,
  },
  {
    label: 'our own code, xstate and @xstate/react excluded',
    imports: ['gatehouse', 'gatehouse/react', 'gatehouse/ui'],
    external: [...appPeers, ...machineLibraries],
    budgetKb: 6.5,
  },
]

/**
 * Bundles everything the given entry points export, as an app's bundler would from the built
 * package (`gatehouse` resolves to this workspace's dist/), minifies it and gzips it (level 9).
 */
async function measureGzipBytes({ imports, external }: SizeBudget): Promise<number> {
  const result = await build({
    stdin: { contents: imports.map((specifier) => `export * from '${specifier}'`).join('\n'), resolveDir: root, loader: 'js' },
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
