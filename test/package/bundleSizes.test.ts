import { describe, expect, it } from 'vitest'
import { measureSizes, sizeBudgets } from '../../scripts/bundleSizes'

// One bundle per budget, shared by both tests.
const measured = measureSizes()
const gzipBytesOf = async (label: string) => (await measured).find((row) => row.label === label)!.gzipBytes

describe('bundle size, minified and gzipped, react/react-dom/next external', () => {
  it.each(sizeBudgets.filter((row) => row.budgetKb !== undefined))('$label stays within $budgetKb kB', async (budget) => {
    expect(await gzipBytesOf(budget.label)).toBeLessThanOrEqual(budget.budgetKb! * 1000)
  })

  it('counts what is imported: react adds to core, the sign-in form to both, its second step to the form, the whole kit to that, the account flows to core', async () => {
    const [core, withReact, withSignInForm, withSecondStep, withUi, withAccount] = (await measured).map((row) => row.gzipBytes)
    expect(withReact).toBeGreaterThan(core!)
    expect(withSignInForm).toBeGreaterThan(withReact!)
    expect(withSecondStep).toBeGreaterThan(withSignInForm!)
    expect(withUi).toBeGreaterThan(withSecondStep!)
    expect(withAccount).toBeGreaterThan(core!)
  })
})
