// `npm run size`: builds the package, then prints each import's cost against its budget.
import { measureSizes } from './bundleSizes'

const rows = await measureSizes()
console.log('| import | budget | measured (min + gzip) |\n|---|---|---|')
for (const { label, budgetKb, gzipBytes } of rows) {
  console.log(`| ${label} | ${budgetKb} kB | ${(gzipBytes / 1000).toFixed(2)} kB${gzipBytes > budgetKb * 1000 ? ' — OVER BUDGET' : ''} |`)
}
process.exitCode = rows.some(({ budgetKb, gzipBytes }) => gzipBytes > budgetKb * 1000) ? 1 : 0
