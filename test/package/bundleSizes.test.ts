import { describe, expect, it } from 'vitest'
import { measureGzipBytes, sizeBudgets } from '../../scripts/bundleSizes'

describe('bundle size, minified and gzipped, react/react-dom/next external', () => {
  it.each(sizeBudgets)('$label stays within $budgetKb kB', async (budget) => {
    expect(await measureGzipBytes(budget)).toBeLessThanOrEqual(budget.budgetKb * 1000)
  })

  it('counts what is imported: xstate is most of the machine, and ui adds to react', async () => {
    const [core, withReact, withUi, ownCode] = await Promise.all(sizeBudgets.map(measureGzipBytes))
    expect(withReact).toBeGreaterThan(core!)
    expect(withUi).toBeGreaterThan(withReact!)
    expect(ownCode).toBeLessThan(withUi! / 2)
  })
})
