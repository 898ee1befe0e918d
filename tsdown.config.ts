import { defineConfig } from 'tsdown'

/**
 * Every entry point of the package: its subpath in `exports` → its source. The build writes the
 * `exports` map of package.json from this list, so a new entry point is one line here.
 */
export const entryPoints: Record<string, string> = {
  '.': 'src/core/index.ts',
  './react': 'src/react/index.ts',
  './ui': 'src/ui/index.ts',
  './next': 'src/next/index.ts',
  './server': 'src/server/index.ts',
}

/** `.` → `index`, `./react` → `react`, `./ui.css` → `ui.css`: the file name in dist/. */
export const distName = (subpath: string) => (subpath === '.' ? 'index' : subpath.slice(2))

const isStylesheet = (source: string) => source.endsWith('.css')
const scripts = Object.entries(entryPoints).filter(([, source]) => !isStylesheet(source))
const stylesheets = Object.entries(entryPoints).filter(([, source]) => isStylesheet(source))

export default defineConfig({
  entry: Object.fromEntries(scripts.map(([subpath, source]) => [distName(subpath), source])),
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  fixedExtension: false,
  hash: false,
  clean: true,
  copy: stylesheets.map(([subpath, source]) => ({ from: source, rename: distName(subpath) })),
  exports: {
    customExports: () => ({
      ...Object.fromEntries(
        Object.entries(entryPoints).map(([subpath, source]) => {
          const file = `./dist/${distName(subpath)}`
          return [subpath, isStylesheet(source) ? file : { types: `${file}.d.ts`, import: `${file}.js` }]
        }),
      ),
      './package.json': './package.json',
    }),
  },
})
