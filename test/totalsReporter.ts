import type { Reporter, TestModule } from 'vitest/node'

/**
 * Ends every run with the totals over all layers as one plain line, `N passed, N failed`, after
 * a line per layer. A file that failed to load, or an error outside any test, counts as failed.
 */
export default class TotalsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    const layers = new Map<string, { passed: number; failed: number }>()
    for (const testModule of testModules) {
      const name = testModule.project.name || 'default'
      const layer = layers.get(name) ?? { passed: 0, failed: 0 }
      layers.set(name, layer)
      const tests = [...testModule.children.allTests()]
      layer.passed += tests.filter((test) => test.result().state === 'passed').length
      const failed = tests.filter((test) => test.result().state === 'failed').length
      layer.failed += failed === 0 && testModule.state() === 'failed' ? 1 : failed
    }
    const total = { passed: 0, failed: unhandledErrors.length }
    const perLayer = [...layers].map(([name, counts]) => {
      total.passed += counts.passed
      total.failed += counts.failed
      return `${name} ${counts.passed}/${counts.passed + counts.failed}`
    })
    console.log(`\nby layer (passed/run): ${perLayer.join(', ')}`)
    console.log(`${total.passed} passed, ${total.failed} failed`)
  }
}
