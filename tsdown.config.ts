import { defineConfig } from 'tsdown'
import { backendConfigSchema, SCHEMA_FILE } from './scripts/backendConfigSchema'

/**
 * Every entry point of the package: its subpath in `exports` → its source. The build writes the
 * `exports` map of package.json from this list, so a new entry point is one line here.
 */
export const entryPoints: Record<string, string> = {
  '.': 'src/core/index.ts',
  './account': 'src/account/index.ts',
  './react': 'src/react/index.ts',
  './ui': 'src/ui/index.ts',
  './ui.css': 'src/ui/styles.css',
  './next': 'src/next/index.ts',
  './server': 'src/server/index.ts',
  './msw': 'src/msw/index.ts',
  './redis': 'src/redis/index.ts',
}

/** `.` → `index`, `./react` → `react`, `./ui.css` → `ui.css`: the file name in dist/. */
export const distName = (subpath: string) => (subpath === '.' ? 'index' : subpath.slice(2))

export const isStylesheet = (source: string) => source.endsWith('.css')
const scripts = Object.entries(entryPoints).filter(([, source]) => !isStylesheet(source))
const stylesheets = Object.entries(entryPoints).filter(([, source]) => isStylesheet(source))

/** package.json `exports`: types first, as TypeScript wants; stylesheets as plain files. */
export function exportsMap() {
  const entries = Object.entries(entryPoints).map(([subpath, source]) => {
    const file = `./dist/${distName(subpath)}`
    // `default` after `import`: `require()` of an ES module works on Node 20.19 and later, and finds it there.
    return [subpath, isStylesheet(source) ? file : { types: `${file}.d.ts`, import: `${file}.js`, default: `${file}.js` }] as const
  })
  return { ...Object.fromEntries(entries), './package.json': './package.json' }
}

/** The `gatehouse` command (`bin` in package.json): not an entry point, so not in `exports`. */
export const CLI = { name: 'cli', source: 'src/cli/main.ts' }

export default defineConfig({
  entry: { ...Object.fromEntries(scripts.map(([subpath, source]) => [distName(subpath), source])), [CLI.name]: CLI.source },
  format: 'esm',
  platform: 'neutral',
  // The library runs wherever Request and crypto.subtle do; only the command imports Node's modules.
  deps: { neverBundle: [/^node:/] },
  target: 'es2022',
  dts: true,
  fixedExtension: false,
  hash: false,
  clean: true,
  copy: stylesheets.map(([subpath, source]) => ({ from: source, rename: distName(subpath) })),
  exports: { customExports: () => exportsMap() },
  plugins: [
    {
      // Generated from RestAdapterConfig at each build, so editors check config files against the options as typed.
      name: 'backend-config-schema',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: SCHEMA_FILE, source: `${JSON.stringify(backendConfigSchema(), null, 2)}\n` })
      },
    },
    {
      // next has no exports map, so the build would write `next/navigation.js`: Next's bundler
      // then misses its own aliases for `next/navigation` and the route handlers fail to build.
      name: 'next-subpaths-as-written',
      resolveId: { order: 'pre', handler: (id: string) => (id.startsWith('next/') ? { id, external: true } : null) },
    },
  ],
})
