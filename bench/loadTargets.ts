import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export const LOAD = { connections: 10, durationSeconds: 10, warmUpSeconds: 3, rounds: 7 }

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
export interface InterleavedLoad extends Load {
  rounds: number[]
}

/**
 * Loads every target in turn, round after round (A B C, B C A, C A B), after one warm-up each, so
 * that a machine busier in one moment than the next weighs on all of them alike; gives medians.
 */
export async function loadInterleaved<Name extends string>(
  targets: Record<Name, Target>,
  rounds = LOAD.rounds,
): Promise<Record<Name, InterleavedLoad>> {
  const names = Object.keys(targets) as Name[]
  for (const name of names) await load(targets[name], LOAD.warmUpSeconds) // JIT and connection pools
  const runs = Object.fromEntries(names.map((name) => [name, [] as Load[]])) as Record<Name, Load[]>
  for (let round = 1; round <= rounds; round++) {
    // Each round starts one target further on, so no target always follows the same one.
    const order = names.map((_, index) => names[(index + round - 1) % names.length]!)
    for (const name of order) {
      const result = await load(targets[name])
      runs[name].push(result)
      const cpu = result.cpuMicrosPerRequest === undefined ? '' : `, server CPU ${result.cpuMicrosPerRequest.toFixed(0)} µs/request`
      console.log(
        `[bench] round ${round}, ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${cpu}`,
      )
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const of = (figure: keyof Load) => median(runs[name].map((run) => run[figure] ?? Number.NaN))
      const summary: InterleavedLoad = {
        requestsPerSecond: of('requestsPerSecond'),
        p50: of('p50'),
        p99: of('p99'),
        ...(targets[name][2] === undefined ? {} : { cpuMicrosPerRequest: of('cpuMicrosPerRequest') }),
        rounds: runs[name].map((run) => run.requestsPerSecond),
      }
      return [name, summary]
    }),
  ) as Record<Name, InterleavedLoad>
}
