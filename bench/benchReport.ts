// BENCHMARKS.md and its charts, from what `npm run bench` measured: apart from the measuring, so
// that a test can write a report from made-up figures in a temporary directory.
import { mkdirSync, writeFileSync } from 'node:fs'
import { barChart, type BarChartInput } from './barChart'
import { LOAD, type RoundsLoad } from './loadTargets'

/** A target of the load figures, named as a chart labels it: the figure's number and what was loaded. */
export interface ChartedTarget {
  label: string
  /** The medians the table prints too. */
  load: RoundsLoad
}

/** A chart of the report: its file `bench/charts/<name>.svg`, the text that stands for it, and its SVG. */
export interface Chart {
  name: string
  alt: string
  svg: string
}

export const CHARTS_DIRECTORY = 'bench/charts'

/**
 * The charts of the load figures, one per kind of figure: requests per second, p50 and p99
 * latency, and server CPU per request (only targets whose server process was known, a chart
 * only when there is one). Values are printed as the table prints them.
 */
export function loadCharts(targets: readonly ChartedTarget[]): Chart[] {
  const medians = `median of ${LOAD.rounds} rounds, ${LOAD.connections} connections`
  const chart = (name: string, alt: string, input: Omit<BarChartInput, 'title'>): Chart => ({
    name,
    alt,
    svg: barChart({ title: `${alt} (${medians})`, ...input }),
  })
  const withCpu = targets.filter(({ load }) => load.cpuMicrosPerRequest !== undefined)
  return [
    chart('throughput', 'Requests per second, by target', {
      unit: 'req/s',
      groups: targets.map(({ label, load }) => ({ label, values: [load.requestsPerSecond] })),
    }),
    chart('latency', 'Latency p50 and p99, by target', {
      unit: 'ms',
      decimals: 1,
      series: ['p50', 'p99'],
      groups: targets.map(({ label, load }) => ({ label, values: [load.p50, load.p99] })),
    }),
    ...(withCpu.length === 0
      ? []
      : [
          chart('server-cpu', 'Server CPU time per request, by target', {
            unit: 'µs',
            groups: withCpu.map(({ label, load }) => ({ label, values: [load.cpuMicrosPerRequest!] })),
          }),
        ]),
  ]
}

/** What BENCHMARKS.md is written from. */
export interface BenchmarkReport {
  /** Cores, CPU model, Node version and platform. */
  machine: string
  runAt: Date
  /** The table's rows, as markdown. */
  rows: readonly string[]
  charts: readonly Chart[]
}

/** The text of BENCHMARKS.md: how the figures are measured, the table, and the charts under it. */
export function benchmarksMarkdown({ machine, runAt, rows, charts }: BenchmarkReport): string {
  const images = charts.map(({ name, alt }) => `![${alt}](${CHARTS_DIRECTORY}/${name}.svg)`).join('\n\n')
  const chartSection =
    charts.length === 0
      ? ''
      : `\nFigures 1 to 4 in pictures, drawn from the medians in the table (\`${CHARTS_DIRECTORY}/\`):\n\n${images}\n`
  return `# Benchmarks

Written by \`npm run bench\` (\`bench/runBenchmarks.ts\`): every figure below comes from one run, measured side by side on
one machine, against demo backends in the bench's own process on 127.0.0.1 and Debian's \`redis-server\` on a loopback
port. Load comes from autocannon in its own process, ${LOAD.connections} connections. Figures 1 to 3 compare two targets A
and B. Every round starts the servers afresh (one \`next start\` each) and warms each target up for ${LOAD.warmUpSeconds} s: a server
process keeps, for as long as it lives, whatever its JIT and heap made of a route, so each round is one draw of that. A round
loads the targets A B B A for ${LOAD.durationSeconds / 2} s each, back to back, and the next round B A A B, so a machine that grows
busier or quieter during the round, or still busy with the pair before, weighs on both alike; the round's ratio is A's over
B's, the pairs take turns starting the rounds, and each figure is the median of ${LOAD.rounds} rounds. Server CPU per request is the
server process's CPU time (\`/proc/<pid>/stat\`) over the requests it answered.

Machine: ${machine}. Run: ${runAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.

| figure | measured | result | how |
|---|---|---|---|
${rows.join('\n')}
${chartSection}
Reproduce: \`npm ci && npm run bench\` (Chromium from \`CHROMIUM_PATH\`, else \`/usr/bin/chromium\`; \`redis-server\` from
\`REDIS_SERVER\`, else the one on the PATH). The Auth.js peer lives in \`bench/authjs-peer/\` with its own small install
(next-auth only; next and react are the repository's).
`
}

/**
 * Writes each chart to `bench/charts/<name>.svg` and BENCHMARKS.md, which embeds them, under
 * `root` (the repository's root, a directory URL ending in `/`). Returns BENCHMARKS.md's text.
 */
export function writeBenchmarkReport(root: URL, report: BenchmarkReport): string {
  const chartsDirectory = new URL(`${CHARTS_DIRECTORY}/`, root)
  mkdirSync(chartsDirectory, { recursive: true })
  for (const { name, svg } of report.charts) writeFileSync(new URL(`${name}.svg`, chartsDirectory), svg)
  const markdown = benchmarksMarkdown(report)
  writeFileSync(new URL('BENCHMARKS.md', root), markdown)
  return markdown
}
