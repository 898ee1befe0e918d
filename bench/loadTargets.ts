import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export const LOAD = { connections: 10, durationSeconds: 10, warmUpSeconds: 3, rounds: 11 }

export interface Load {
  requestsPerSecond: number
  p50: number
  p99: number
  /** The server's CPU time per request answered, when its process is known; steadier than throughput on a shared machine. */
  cpuMicrosPerRequest?: number
}

/** A target: the URL, the headers every request carries, and the server's process when its CPU time is to be read. */
export type Target = [url: string, headers: Record<string, string>, serverPid?: number]

/** CPU time a process has used so far, user and system, in microseconds (Linux). */
function cpuMicros(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  // utime and stime, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10_000
}

/** autocannon in its own process, so that it does not share an event loop with what it measures. */
export async function load([url, headers, serverPid]: Target, durationSeconds = LOAD.durationSeconds): Promise<Load> {
  const cpuBefore = serverPid === undefined ? 0 : cpuMicros(serverPid)
  const result = await autocannon(url, headers, durationSeconds)
  if (serverPid === undefined) return result
  return { ...result, cpuMicrosPerRequest: (cpuMicros(serverPid) - cpuBefore) / (result.requestsPerSecond * durationSeconds) }
}

function autocannon(url: string, headers: Record<string, string>, durationSeconds: number): Promise<Load> {
  const script = `import autocannon from 'autocannon'
const r = await autocannon(${JSON.stringify({ url, headers, connections: LOAD.connections, duration: durationSeconds })})
console.log(JSON.stringify({ requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors }))`
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`))
      const result = JSON.parse(out)
      if (result.non2xx || result.errors) return reject(new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`))
      resolve(result)
    })
  })
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The median of each figure over the rounds, and every round's requests per second. */
export interface RoundsLoad extends Load {
  rounds: number[]
}

const summarize = (runs: Load[]): RoundsLoad => {
  const of = (figure: keyof Load) => median(runs.map((run) => run[figure] ?? Number.NaN))
  return {
    requestsPerSecond: of('requestsPerSecond'),
    p50: of('p50'),
    p99: of('p99'),
    ...(runs[0]?.cpuMicrosPerRequest === undefined ? {} : { cpuMicrosPerRequest: of('cpuMicrosPerRequest') }),
    rounds: runs.map((run) => run.requestsPerSecond),
  }
}

const logged = (name: string, round: number, result: Load) => {
  const cpu = result.cpuMicrosPerRequest === undefined ? '' : `, server CPU ${result.cpuMicrosPerRequest.toFixed(0)} µs/request`
  console.log(
    `[bench] round ${round}, ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${cpu}`,
  )
  return result
}

/** One target loaded round after round, after a warm-up: medians. */
export async function loadRounds(name: string, target: Target, rounds = LOAD.rounds): Promise<RoundsLoad> {
  await load(target, LOAD.warmUpSeconds)
  const runs: Load[] = []
  for (let round = 1; round <= rounds; round++) runs.push(logged(name, round, await load(target)))
  return summarize(runs)
}

/** Two targets compared: each one's medians, and the median over the rounds of A's figure over B's. */
export interface PairLoad {
  a: RoundsLoad
  b: RoundsLoad
  /** A's requests per second over B's, round by round; `ratio` is their median. */
  ratios: number[]
  ratio: number
  /** B's CPU time per request over A's (so that, like `ratio`, above 1 means A is cheaper), the median over the rounds. */
  cpuRatio?: number
}

/** The servers a round measures, started for it, with the pairs of targets they serve. */
export interface RoundServers<Name extends string> {
  pairs: Record<Name, [a: Target, b: Target]>
  stop(): Promise<void>
}

/**
 * Compares each pair of targets round after round. Every round starts its servers afresh and
 * warms each target up: how fast one server process runs a route depends on that process (what
 * its JIT made of the code, how its heap grew), and one process can hold a route at 0.88× its
 * neighbour for as long as it lives, while the next one holds it at 0.97×; each round is then one
 * draw of that, and the median is the typical process. A round measures a pair A B B A, each for
 * half the load's duration, back to back, and the next round B A A B: a machine that grows busier
 * or quieter during the round weighs on A and B alike, and so does what the pair before left
 * running (the other server's garbage collection), whichever of the two comes first. The round's
 * ratio is A's two halves over B's. The pairs take turns starting the rounds. Figures are medians
 * over the rounds.
 */
export async function loadPairs<Name extends string>(startRound: () => Promise<RoundServers<Name>>, rounds = LOAD.rounds) {
  let names: Name[] = []
  const half = LOAD.durationSeconds / 2
  const runs = {} as Record<Name, { a: Load[]; b: Load[] }>
  for (let round = 1; round <= rounds; round++) {
    const { pairs, stop } = await startRound()
    if (round === 1) {
      names = Object.keys(pairs) as Name[]
      for (const name of names) runs[name] = { a: [], b: [] }
    }
    try {
      for (const name of names) for (const target of pairs[name]) await load(target, LOAD.warmUpSeconds) // JIT and connection pools
      for (const name of names.map((_, index) => names[(index + round - 1) % names.length]!)) {
        const [a, b] = pairs[name]
        const [outer, inner] = round % 2 ? [a, b] : [b, a]
        const [outer1, inner1, inner2, outer2] = [
          await load(outer, half),
          await load(inner, half),
          await load(inner, half),
          await load(outer, half),
        ]
        const [a1, a2, b1, b2] = round % 2 ? [outer1, outer2, inner1, inner2] : [inner1, inner2, outer1, outer2]
        // A half's figures averaged with the other half's.
        const both = (first: Load, second: Load): Load => {
          const mean = (figure: keyof Load) => (first[figure]! + second[figure]!) / 2
          const cpu = first.cpuMicrosPerRequest === undefined ? {} : { cpuMicrosPerRequest: mean('cpuMicrosPerRequest') }
          return { requestsPerSecond: mean('requestsPerSecond'), p50: mean('p50'), p99: mean('p99'), ...cpu }
        }
        runs[name].a.push(logged(`${name} A`, round, both(a1, a2)))
        runs[name].b.push(logged(`${name} B`, round, both(b1, b2)))
      }
    } finally {
      await stop()
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const { a, b } = runs[name]
      const ratios = a.map((run, index) => run.requestsPerSecond / b[index]!.requestsPerSecond)
      const withCpu = a[0]?.cpuMicrosPerRequest !== undefined && b[0]?.cpuMicrosPerRequest !== undefined
      const pair: PairLoad = {
        a: summarize(a),
        b: summarize(b),
        ratios,
        ratio: median(ratios),
        ...(withCpu ? { cpuRatio: median(a.map((run, index) => b[index]!.cpuMicrosPerRequest! / run.cpuMicrosPerRequest!)) } : {}),
      }
      return [name, pair]
    }),
  ) as Record<Name, PairLoad>
}
