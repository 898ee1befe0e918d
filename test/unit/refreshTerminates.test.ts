import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SCENARIOS = fileURLToPath(new URL('./refreshScenarios.ts', import.meta.url))
const DEADLINE_MS = 20_000

/** Runs one scenario in its own Node process and kills it at the deadline, so a starved event loop fails the test instead of hanging it. */
function runScenario(name: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCENARIOS, name], { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    const deadline = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(deadline)
      const lines = output
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
      if (signal === 'SIGKILL')
        reject(
          new Error(`the process stopped answering: no timer ran for ${DEADLINE_MS / 1000} s (its lines before: ${JSON.stringify(lines)})`),
        )
      else if (code !== 0) reject(new Error(`the scenario exited with ${code}`))
      else resolve(lines)
    })
  })
}

const expectSignedInThroughout = (lines: Record<string, unknown>[]) => {
  const rounds = lines.filter((line) => 'route' in line)
  expect(rounds).toHaveLength(4)
  for (const round of rounds) {
    expect(round).toMatchObject({ status: 200, user: 'Ada Lovelace', refreshCookie: true })
    // The backend answers after 20 ms on a real timer; the 5 ms watchdog must tick meanwhile.
    expect(round.ticksDuring).toBeGreaterThan(0)
  }
}

describe('a refresh ends, and the process keeps serving, whatever successors the token server names', () => {
  it(
    'the same refresh token echoed back: signed in across four access lifetimes, one exchange each',
    async () => {
      const lines = await runScenario('echo')
      expectSignedInThroughout(lines)
      expect(lines.at(-1)).toEqual({ exchanges: 4 })
    },
    DEADLINE_MS + 10_000,
  )

  it(
    'a cycle of refresh tokens (A → B → A): signed in across four access lifetimes, one exchange each',
    async () => {
      const lines = await runScenario('cycle')
      expectSignedInThroughout(lines)
      expect(lines.at(-1)).toEqual({ exchanges: 4 })
    },
    DEADLINE_MS + 10_000,
  )

  it(
    'a chain of 5,000 successors: the first token leads to the newest, with no further exchange',
    async () => {
      const lines = await runScenario('long-chain')
      expect(lines).toEqual([{ newest: true, exchanges: 5_000 }])
    },
    DEADLINE_MS + 10_000,
  )
})
