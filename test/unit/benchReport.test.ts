import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { loadCharts, writeBenchmarkReport, type ChartedTarget } from '../../bench/benchReport'
import type { RoundsLoad } from '../../bench/loadTargets'

const measured = (requestsPerSecond: number, p50: number, p99: number, cpuMicrosPerRequest?: number): RoundsLoad => ({
  requestsPerSecond,
  p50,
  p99,
  ...(cpuMicrosPerRequest === undefined ? {} : { cpuMicrosPerRequest }),
  rounds: [requestsPerSecond],
})

// Medians with more digits than the table prints, as autocannon's averages have.
const targets: ChartedTarget[] = [
  { label: '1. gatehouse session read', load: measured(1173.4, 7.04, 20.5, 919.2) },
  { label: '1. idle route', load: measured(1199.6, 7, 21.46, 901) },
  { label: '3. Auth.js session read', load: measured(360.2, 27, 53, 3515.4) },
  { label: '4. demo backend profile, no Next.js', load: measured(12466, 0, 3) },
]

let root: string | undefined
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true })
  root = undefined
})

/** A report written from the fake figures into a fresh directory, and what it wrote. */
function writeFakeReport() {
  root = mkdtempSync(join(tmpdir(), 'bench-report-'))
  const rows = ['| 1. Proxy cost | gatehouse 1173 req/s | 0.98× | autocannon |']
  const markdown = writeBenchmarkReport(pathToFileURL(`${root}/`), {
    machine: '2 cores',
    runAt: new Date('2026-01-02T03:04:05Z'),
    rows,
    charts: loadCharts(targets),
  })
  const chart = (name: string) => readFileSync(join(root!, 'bench/charts', `${name}.svg`), 'utf8')
  return { markdown, chart, files: readdirSync(join(root, 'bench/charts')).sort() }
}

describe('the benchmark report', () => {
  it('writes BENCHMARKS.md, which is what it returns, and a chart per kind of load figure', () => {
    const { markdown, files } = writeFakeReport()
    expect(readFileSync(join(root!, 'BENCHMARKS.md'), 'utf8')).toBe(markdown)
    expect(files).toEqual(['latency.svg', 'server-cpu.svg', 'throughput.svg'])
  })

  it('embeds every chart it wrote, right under the table', () => {
    const { markdown, files } = writeFakeReport()
    const images = [...markdown.matchAll(/!\[([^\]]+)\]\((bench\/charts\/[\w-]+\.svg)\)/g)]
    expect(images.map((image) => image[2]).sort()).toEqual(files.map((file) => `bench/charts/${file}`))
    for (const [, alt] of images) expect(alt).toMatch(/by target$/)
    const tableEnd = markdown.indexOf('| 1. Proxy cost |')
    expect(markdown.indexOf('![')).toBeGreaterThan(tableEnd)
    expect(markdown.indexOf('![')).toBeLessThan(markdown.indexOf('Reproduce:'))
    expect(markdown).toContain('Run: 2026-01-02 03:04 UTC.')
  })

  it('charts the medians as the table prints them: req/s whole, latency to a tenth, CPU in whole µs', () => {
    const { chart } = writeFakeReport()
    for (const value of ['1173 req/s', '1200 req/s', '360 req/s', '12466 req/s']) expect(chart('throughput')).toContain(`>${value}</text>`)
    for (const value of ['p50 7.0 ms', 'p99 20.5 ms', 'p99 21.5 ms', 'p50 27.0 ms', 'p50 0.0 ms', 'p99 3.0 ms']) {
      expect(chart('latency')).toContain(`>${value}</text>`)
    }
    for (const value of ['919 µs', '901 µs', '3515 µs']) expect(chart('server-cpu')).toContain(`>${value}</text>`)
    for (const { label } of targets) expect(chart('throughput')).toContain(`>${label}</text>`)
  })

  it('leaves targets without a known server process out of the CPU chart, and the chart out when none has one', () => {
    const { chart } = writeFakeReport()
    expect(chart('server-cpu')).not.toContain('demo backend')
    const withoutCpu = loadCharts([{ label: 'backend', load: measured(100, 1, 2) }])
    expect(withoutCpu.map(({ name }) => name)).toEqual(['throughput', 'latency'])
  })
})
