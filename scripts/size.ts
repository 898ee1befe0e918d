// `npm run size`: builds the package, then prints each import's cost against its budget.
import { measureSizes } from './bundleSizes'

const rows = await measureSizes()
const over = ({ budgetKb, gzipBytes }: (typeof rows)[number]) => budgetKb !== undefined && gzipBytes > budgetKb * 1000
console.log('| import | budget | measured (min + gzip) |\n|---|---|---|')
for (const row of rows) {
  const budget = row.budgetKb === undefined ? '—' : `${row.budgetKb} kB`
  console.log(`| ${row.label} | ${budget} | ${(row.gzipBytes / 1000).toFixed(2)} kB${over(row) ? ' — OVER BUDGET' : ''} |`)
}
process.exitCode = rows.some(over) ? 1 : 0
